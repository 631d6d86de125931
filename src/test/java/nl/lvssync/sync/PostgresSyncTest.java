package nl.lvssync.sync;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import nl.lvssync.PostgresTestDatabase;
import nl.lvssync.lvs.magister.MagisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same Flyway schema and sync on PostgreSQL (the production database): the local server on
 * 127.0.0.1:5432, in a database of this test's own, dropped afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
class PostgresSyncTest {

    static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();
    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        lvs.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.postgres(registry, DATABASE);
        nl.lvssync.TestSchools.magister(registry, 0, "PG01", lvs.baseUrl() + "/PG01");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
        DATABASE.drop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    JdbcClient jdbc;

    @Test
    void syncsIntoPostgresAndASecondRunChangesNothing() {
        new MagisterStub(lvs, "PG01").token(3600)
                .students("1001;5001;Sanne;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;sanne@example.nl;123456782")
                .aanmeldingen("1001", aanmelding("77", "3a"))
                .afspraken("1001", String.join(",",
                        afspraak(9001, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, 1),
                        afspraak(9002, "2026-11-16T08:20:00.0000000Z", "2026-11-16T09:10:00.0000000Z", 2, 5)))
                .absenties("1001", absentie(1, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB"));

        SyncRun first = sync.execute(sync.start("PG01", "TEST").id());
        SyncRun second = sync.execute(sync.start("PG01", "TEST").id());

        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(first.counts().created()).isPositive();
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.counts().created()).isZero();
        assertThat(second.counts().updated()).isZero();
        assertThat(second.counts().deleted()).isZero();
        assertThat(jdbc.sql("SELECT verdict FROM absence WHERE school_id = 'PG01' AND lvs_id = '1'").query(String.class).single())
                .isEqualTo("UNEXCUSED");
        assertThat(jdbc.sql("SELECT cancelled FROM lesson WHERE school_id = 'PG01' AND lvs_id = '9002'").query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
    }
}
