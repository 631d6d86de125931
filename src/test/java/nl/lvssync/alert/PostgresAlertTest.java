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
        assertThat(alerts.records(alert.id())).hasSize(16);
        assertThat(alerts.historyOf(alert.id())).extracting(AlertRepository.HistoryEntry::action).containsExactly("RAISED", "ESCALATED");

        WeekOfAbsences.stub(lvs, "PGA01", Set.of(509011L, 509012L));
        syncRoute();
        assertThat(alerts.view(alert.id()).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(alerts.list(Set.of("OTHER"), null, null, null, null, 10)).isEmpty();
    }
}
