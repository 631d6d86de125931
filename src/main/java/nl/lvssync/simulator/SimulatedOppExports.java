package nl.lvssync.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.lvssync.time.ClockConfig;

/**
 * Writes a simulated school's OPP export into its folder as an LVS's OPP module would: one line per plan version, the
 * spec's default columns, {@code ;}-separated, UTF-8. A VSO school ({@code vso}) has a plan for every student (dates
 * Dutch); another school for the students with a support profile (LWOO, TOP) in their aanmelding (dates ISO).
 */
public final class SimulatedOppExports {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd");

    private final Clock clock;

    public SimulatedOppExports(Clock clock) {
        this.clock = clock;
    }

    /** Writes today's OPP export of the school into the folder; returns it. */
    public Path write(SimulatedSchool school, boolean vso, Path folder) {
        LocalDate today = clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        StringBuilder out = new StringBuilder(SimulatedOpp.HEADER).append("\r\n");
        int plans = 0;
        for (int i = 0; i < school.studentCount(); i++) {
            GeneratedStudent s = school.student(i, today);
            String profiel = vso ? null : SimulatedOpp.profiel(school, s);
            if (!vso && profiel == null) {
                continue;
            }
            LocalDate geplaatst = vso ? SimulatedOpp.inschrijfdatum(school, s, jaar, today) : SimulatedOpp.magisterPlaatsing(s, jaar);
            for (String line : SimulatedOpp.plan(school, s, profiel, geplaatst, today, vso, !vso)) {
                out.append(line).append("\r\n");
                plans++;
            }
        }
        String name = "opp_" + STAMP.format(today) + ".csv";
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve("." + name + ".tmp");
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            return Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated OPP export " + name + " (" + plans + " lines) could not be written to "
                    + folder, e);
        }
    }
}
