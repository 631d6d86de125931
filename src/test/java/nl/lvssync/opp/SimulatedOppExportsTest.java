package nl.lvssync.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.lvs.csv.CsvTable;
import nl.lvssync.lvs.csv.CsvValues;
import nl.lvssync.simulator.LvsSimulator;
import nl.lvssync.simulator.SimulatedCsvExports;
import nl.lvssync.simulator.SimulatedOppExports;
import nl.lvssync.simulator.SimulatedSchool;
import nl.lvssync.simulator.SimulatorSettings;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.verzuim.kalender.Regio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's OPP exports, read and judged as the service does: the demo VSO has a plan for (nearly) everyone, and
 * a few plans missing, late, due for evaluation, overdue for it, or incomplete, so every OPP alert shows.
 */
class SimulatedOppExportsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ClockConfig.AMSTERDAM);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    @Test
    void aVsoWithAPlanForEveryoneAndEveryKindOfAlert() throws Exception {
        try (LvsSimulator simulator = LvsSimulator.start(SimulatorSettings.of(20261122).withStudentsPerSchool(150), CLOCK)) {
            SimulatedSchool school = simulator.addSchool("99DEMO03", Regio.NOORD);
            Path students = new SimulatedCsvExports(CLOCK).write(school, folder).get(0);
            Path export = new SimulatedOppExports(CLOCK).write(school, true, folder);
            assertThat(export.getFileName().toString()).isEqualTo("opp_20261120.csv");

            Map<String, LocalDate> enrolled = new HashMap<>();
            for (CsvTable.Line l : CsvTable.read(Files.readAllBytes(students), "auto", List.of("leerling_id", "inschrijfdatum"),
                    List.of("leerling_id"), Map.of()).lines()) {
                enrolled.put(l.get("leerling_id"), CsvValues.date("inschrijfdatum", l.get("inschrijfdatum")));
            }
            OppExport read = OppExport.read(Files.readAllBytes(export), Map.of(), "auto");
            assertThat(read.clean()).as(read.report("opp", "99DEMO03", Instant.EPOCH)).isTrue();
            Map<String, List<OppVersie>> plans = read.regels().stream()
                    .map(r -> new OppVersie(r.inhoud().studentLvsId(), r.inhoud().planId(), r.versie(), r.inhoud().status(),
                            r.inhoud().opgesteldOp(), r.inhoud().vastgesteldOp(), r.inhoud().geevalueerdOp(),
                            r.inhoud().uitstroomprofiel(), r.inhoud().uitstroombestemming(), r.inhoud().onderbouwing(),
                            r.inhoud().beoogdeUitstroomdatum(), r.inhoud().leerroute(), r.inhoud().onderwijstraject(),
                            r.inhoud().vakkenpakket(), r.inhoud().arrangement(), r.inhoud().begeleiding(), r.inhoud().coach(),
                            r.inhoud().beginsituatieDidactisch(), r.inhoud().beginsituatieLeergedrag(),
                            r.inhoud().beginsituatieSociaalEmotioneel(), r.inhoud().bevorderendeFactoren(),
                            r.inhoud().belemmerendeFactoren(), r.inhoud().instemmingOudersOp(), null))
                    .collect(Collectors.groupingBy(OppVersie::studentLvsId));
            assertThat(plans.size()).as("nearly everyone has a plan").isBetween(135, 149);
            assertThat(plans.values()).anyMatch(v -> v.size() > 1);

            Set<DeadlineState> states = EnumSet.noneOf(DeadlineState.class);
            Set<OppRegel> rules = EnumSet.noneOf(OppRegel.class);
            enrolled.forEach((id, on) -> {
                OppBehoefte b = new OppBehoefte(true, "alle leerlingen", on, OppBehoefte.Bron.LVS, null);
                OppBeoordeling judged = OppTermijnen.beoordeel(b, OppBewaking.huidig(plans.getOrDefault(id, List.of())), true,
                        TODAY, OppTermijnen.Weken.KALENDER, List.of());
                states.add(judged.state());
                judged.bevindingen().forEach(f -> rules.add(f.regel()));
            });
            assertThat(rules).containsExactlyInAnyOrder(OppRegel.values());
            assertThat(states).contains(DeadlineState.SET, DeadlineState.OVERDUE, DeadlineState.EVALUATION_DUE,
                    DeadlineState.EVALUATION_OVERDUE);
            long set = enrolled.keySet().stream().filter(id -> {
                OppVersie v = OppBewaking.huidig(plans.getOrDefault(id, List.of()));
                return v != null && v.isVastgesteld();
            }).count();
            assertThat(set).as("most plans are set").isGreaterThan(110);

            // the same day writes the same export: taken in once
            assertThat(Files.readAllBytes(new SimulatedOppExports(CLOCK).write(school, true, folder)))
                    .isEqualTo(Files.readAllBytes(export));
        }
    }
}
