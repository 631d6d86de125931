package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Set;
import nl.lvssync.PostgresTestDatabase;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The alert lifecycle's SQL on PostgreSQL: raise, repeat without duplicates, withdraw, list, explain, escalate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
class PostgresAlertTest {

    static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();
    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        lvs.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.postgres(registry, DATABASE);
        // Monday 30 November 2026: the deadline of 26 November has passed
        registry.add("lvs-sync.clock.fixed", () -> "2026-11-30T10:00:00Z");
        nl.lvssync.TestSchools.magister(registry, 0, "PGA01", lvs.baseUrl() + "/PGA01");
        registry.add("lvs-sync.schools[0].coordinators[0].email", () -> "verzuim@pga.example");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
        DATABASE.drop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    AlertRepository alerts;

    SyncRun syncRoute() {
        return camel.requestBody("direct:sync-run", sync.start("PGA01", "TEST").id(), SyncRun.class);
    }

    @Test
    void lifecycleOnPostgres() {
        WeekOfAbsences.stub(lvs, "PGA01", Set.of());
        syncRoute();
        syncRoute();

        List<AlertView> legal = alerts.list(null, List.of("PGA01"), List.of("LEGAL_16H"), List.of("OPEN", "ACKNOWLEDGED"), null, 10);
        assertThat(legal).hasSize(1);
        AlertView alert = legal.get(0);
        assertThat(alert.startDate()).hasToString("2026-11-16");
        assertThat(alert.hours()).isEqualTo(16.0);
        // escalated once: the deadline (26 November) passed before the alert was even raised
        assertThat(alert.overdue()).isTrue();
        List<AlertRepository.AlertRecord> records = alerts.records(alert.id());
        assertThat(records).hasSize(16).allSatisfy(r -> {
            assertThat(r.date()).isBetween(java.time.LocalDate.parse("2026-11-16"), java.time.LocalDate.parse("2026-11-20"));
            assertThat(r.start()).isNotNull().isBefore(r.end());
            assertThat(r.hours()).isEqualByComparingTo("1.00");
            assertThat(r.verdict()).isEqualTo("UNEXCUSED");
        });
        assertThat(records.stream().map(AlertRepository.AlertRecord::absenceLvsId).distinct()).hasSize(16);

        // replaced as written, nulls included (PostgreSQL writes them as one array per column)
        java.time.Instant start = java.time.Instant.parse("2026-11-16T08:30:00Z");
        alerts.replaceRecords(java.util.Map.of(alert.id(), List.of(
                new nl.lvssync.verzuim.Bijdrage("X1", java.time.LocalDate.parse("2026-11-16"), start, start.plusSeconds(3000),
                        new java.math.BigDecimal("0.83"), "A\\B\t{\"x\"}, NULL", nl.lvssync.verzuim.Verdict.LATE),
                new nl.lvssync.verzuim.Bijdrage("X2", java.time.LocalDate.parse("2026-11-17"), null, null, null, null, null))),
                Set.of(alert.id()));
        assertThat(alerts.records(alert.id())).extracting(AlertRepository.AlertRecord::absenceLvsId, AlertRepository.AlertRecord::date, AlertRepository.AlertRecord::start,
                AlertRepository.AlertRecord::end, AlertRepository.AlertRecord::hours, AlertRepository.AlertRecord::code, AlertRepository.AlertRecord::verdict).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("X1", java.time.LocalDate.parse("2026-11-16"), start,
                        start.plusSeconds(3000), new java.math.BigDecimal("0.83"), "A\\B\t{\"x\"}, NULL", "LATE"),
                org.assertj.core.groups.Tuple.tuple("X2", java.time.LocalDate.parse("2026-11-17"), null, null, null, null, null));
        alerts.replaceRecords(java.util.Map.of(alert.id(), records.stream().map(r -> new nl.lvssync.verzuim.Bijdrage(
                r.absenceLvsId(), r.date(), r.start(), r.end(), r.hours(), r.code(),
                nl.lvssync.verzuim.Verdict.valueOf(r.verdict()))).toList()), Set.of(alert.id()));
        assertThat(alerts.records(alert.id())).hasSize(16);
        assertThat(alerts.historyOf(alert.id())).extracting(AlertRepository.HistoryEntry::action).containsExactly("RAISED", "ESCALATED");

        WeekOfAbsences.stub(lvs, "PGA01", Set.of(509011L, 509012L));
        syncRoute();
        assertThat(alerts.view(alert.id()).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(alerts.list(Set.of("OTHER"), null, null, null, null, 10)).isEmpty();
    }
}
