package nl.lvssync.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.lvssync.time.ClockConfig;

/**
 * Writes a simulated school's exports into a folder as a school's own LVS would place them, from the same generated
 * students, timetable and absences as the Magister and Somtoday shapes: leerlingen (Windows-1252, ';', Dutch dates, with
 * the optional inschrijfdatum the OPP rules count from),
 * lessen (UTF-8, ';', ISO dates) and absenties (UTF-8 with BOM, ',', Dutch dates), the last two over the school year
 * so far. Each file is written under a hidden name and then renamed, as a careful exporter does.
 */
public final class SimulatedCsvExports {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ClockConfig.AMSTERDAM);

    private final Clock clock;

    public SimulatedCsvExports(Clock clock) {
        this.clock = clock;
    }

    /** Writes today's three exports of the school into the folder; returns them. */
    public List<Path> write(SimulatedSchool school, Path folder) {
        LocalDate today = clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
        Instant now = clock.instant();
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        StringBuilder leerlingen = new StringBuilder(
                "leerling_id;stamnr;roepnaam;tussenvoegsel;achternaam;geboortedatum;klas;studie;locatie;email;bsn;inschrijfdatum\r\n");
        StringBuilder lessen = new StringBuilder("les_id;leerling_id;datum;lesuur;begintijd;eindtijd;vak;vervallen\n");
        StringBuilder absenties = new StringBuilder("absentie_id,leerling_id,datum,lesuur,begintijd,eindtijd,code,omschrijving,geoorloofd\n");
        for (int i = 0; i < school.studentCount(); i++) {
            GeneratedStudent s = school.student(i, today);
            leerlingen.append(s.personId()).append(';').append(s.stamnr()).append(';').append(s.roepnaam()).append(';')
                    .append(s.tussenvoegsel()).append(';').append(s.achternaam()).append(';').append(DUTCH.format(s.geboortedatum()))
                    .append(';').append(s.klasNaam()).append(';').append(s.studie()).append(';').append(s.locatie()).append(';')
                    .append(s.email()).append(';').append(s.bsn()).append(';')
                    .append(DUTCH.format(SimulatedOpp.inschrijfdatum(school, s, jaar, today))).append("\r\n");
            Verzuimpatroon patroon = Verzuimpatroon.of(school, s, jaar);
            for (LocalDate day = jaar.start(); !day.isAfter(today) && !day.isAfter(jaar.end()); day = day.plusDays(1)) {
                List<SimulatedLesson> lessons = Lesrooster.lessen(school, s.klas(), jaar, day);
                for (SimulatedLesson l : lessons) {
                    if (l.start().isBefore(now)) {
                        lessen.append(l.id()).append(';').append(s.personId()).append(';').append(day).append(';')
                                .append(l.lesuur()).append(';').append(HHMM.format(l.start())).append(';')
                                .append(HHMM.format(l.end())).append(';').append(l.vak().afkorting()).append(';')
                                .append(l.cancelled() ? "ja" : "nee").append('\n');
                    }
                }
                for (GeneratedAbsence a : patroon.absences(lessons, now)) {
                    SimulatedLesson l = a.lesson();
                    absenties.append(a.id()).append(',').append(s.personId()).append(',').append(DUTCH.format(day)).append(',')
                            .append(l.lesuur()).append(',').append(HHMM.format(l.start())).append(',')
                            .append(HHMM.format(l.end())).append(',').append(a.code().name()).append(',')
                            .append(a.code().omschrijving).append(',').append(a.code().geoorloofd ? "ja" : "nee").append('\n');
                }
            }
        }
        String stamp = STAMP.format(today);
        return List.of(
                place(folder, "leerlingen_" + stamp + ".csv", leerlingen.toString(), Charset.forName("windows-1252"), false),
                place(folder, "lessen_" + stamp + ".csv", lessen.toString(), StandardCharsets.UTF_8, false),
                place(folder, "absenties_" + stamp + ".csv", absenties.toString(), StandardCharsets.UTF_8, true));
    }

    private static Path place(Path folder, String name, String text, Charset charset, boolean bom) {
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve("." + name + ".tmp");
            byte[] bytes = text.getBytes(charset);
            try (var out = Files.newOutputStream(tmp)) {
                if (bom) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                out.write(bytes);
            }
            return Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated export " + name + " could not be written to " + folder, e);
        }
    }
}
