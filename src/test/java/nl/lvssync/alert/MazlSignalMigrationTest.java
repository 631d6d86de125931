package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import nl.lvssync.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5 gives MAZL alerts raised before its two conditions were apart the signal they were raised for, on H2 (the
 * embedded default) and on PostgreSQL; other rules' alerts keep theirs.
 */
class MazlSignalMigrationTest {

    @Test
    void onH2() {
        migrate(new DriverManagerDataSource("jdbc:h2:mem:mazl-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", ""));
    }

    @Test
    void onPostgres() {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        try {
            migrate(new DriverManagerDataSource(database.url(), "postgres", ""));
        } finally {
            database.drop();
        }
    }

    private static void migrate(DriverManagerDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO school (id, name, lvs, region) VALUES ('MIG01', 'School MIG01', 'magister', 'noord')").update();
        alert(jdbc, "long", "MAZL", "", "2026-02-13",
                "7de aaneengesloten lesdag ziek gemeld (sinds 2026-02-13): overweeg verwijzing naar de jeugdarts.");
        alert(jdbc, "episodes", "MAZL", "", "2026-09-07",
                "4 ziekmeldingen binnen 12 lesweken (sinds 2026-09-07): overweeg verwijzing naar de jeugdarts.");
        alert(jdbc, "no-text", "MAZL", "", "2026-10-05", null);
        alert(jdbc, "hours", "SIGNAL", "HOURS", "2026-09-07", "8 uur ongeoorloofd verzuim binnen 4 lesweken (signaalgrens 8 uur).");
        alert(jdbc, "legal", "LEGAL_16H", "", "2026-09-07", "16 uur ongeoorloofd verzuim ...");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();

        Map<String, String> signals = jdbc.sql("SELECT id, signal FROM alert").query((rs, n) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(signals).containsExactlyInAnyOrderEntriesOf(Map.of("long", "LONG", "episodes", "EPISODES", "no-text", "LONG",
                "hours", "HOURS", "legal", ""));
    }

    private static void alert(JdbcClient jdbc, String id, String rule, String signal, String start, String explanation) {
        jdbc.sql("INSERT INTO alert (id, school_id, student_lvs_id, rule, signal, start_date, status, explanation, created_at,"
                        + " updated_at) VALUES (?, 'MIG01', '1001', ?, ?, ?, 'OPEN', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(id, rule, signal, java.time.LocalDate.parse(start), explanation).update();
    }
}
