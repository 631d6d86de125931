package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lvssync.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first sync into a new PostgreSQL database must not depend on statistics: on tables freshly filled and never
 * analysed, every statement the record store issues is planned (as PostgreSQL plans it for the call, and as the
 * generic plan a prepared statement falls back to) and no plan reads a record table whole or through an index that
 * narrows only to the school. Not timed: plans, not durations.
 */
class PostgresWritePlansTest {

    static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();
    static final Set<String> RECORD_TABLES = Set.of("student", "enrolment", "lesson", "absence", "student_lesson_day",
            "student_lesdagen");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final ObjectMapper JSON = new ObjectMapper();

    static DriverManagerDataSource dataSource;

    @BeforeAll
    static void freshSchoolNeverAnalysed() {
        dataSource = new DriverManagerDataSource(DATABASE.url(), "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String school : List.of("S1", "S2")) {
            jdbc.update("INSERT INTO school (id, name, lvs, region) VALUES (?, ?, 'magister', 'noord')", school, school);
            jdbc.update("INSERT INTO student (school_id, lvs_id, content_hash, first_seen_at, updated_at, active)"
                    + " SELECT ?, 'st' || s, 'h', now(), now(), TRUE FROM generate_series(1, 400) s", school);
            jdbc.update("INSERT INTO enrolment (school_id, lvs_id, student_lvs_id, content_hash, updated_at)"
                    + " SELECT ?, 'en' || s, 'st' || s, 'h', now() FROM generate_series(1, 400) s", school);
            jdbc.update("INSERT INTO lesson (school_id, student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, cancelled,"
                    + " content_hash, updated_at) SELECT ?, 'st' || s, 'le' || l, DATE '2026-09-01' + l / 7,"
                    + " now(), now(), FALSE, 'h', now() FROM generate_series(1, 400) s, generate_series(1, 500) l", school);
            jdbc.update("INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date)"
                    + " SELECT DISTINCT school_id, student_lvs_id, lesson_date FROM lesson WHERE school_id = ?", school);
            jdbc.update("INSERT INTO student_lesdagen (school_id, student_lvs_id, days) SELECT school_id, student_lvs_id,"
                    + " string_agg(int4send(lesson_date - DATE '1970-01-01'), ''::bytea) FROM student_lesson_day"
                    + " WHERE school_id = ? GROUP BY school_id, student_lvs_id", school);
            jdbc.update("INSERT INTO absence (school_id, lvs_id, student_lvs_id, absence_date, starts_at, ends_at, verdict,"
                    + " content_hash, first_seen_at, updated_at) SELECT ?, 'ab' || s || '-' || a, 'st' || s,"
                    + " DATE '2026-09-01' + a, now(), now(), 'UNEXCUSED', 'h', now(), now()"
                    + " FROM generate_series(1, 400) s, generate_series(1, 40) a", school);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN ('lesson', 'absence', 'student_lesson_day',"
                + " 'student_lesdagen')"
                + " AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)", Integer.class)).isZero();
    }

    @AfterAll
    static void drop() {
        DATABASE.drop();
    }

    @Test
    void everyWriteStatementReachesRowsThroughTheirKey() {
        ExplainingJdbc jdbc = new ExplainingJdbc(dataSource);
        LvsRecordStore store = new LvsRecordStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        List<StudentData> nightly = new ArrayList<>();
        for (int s = 1; s <= 20; s++) {
            nightly.add(RecordStoreTest.student("st" + s, 30, 3));
        }
        nightly.add(RecordStoreTest.student("new1", 30, 3));
        SyncCounts counts = new SyncCounts();
        store.write("S1", 7, nightly, counts);
        store.write("S1", 7, List.of(RecordStoreTest.student("st99", 30, 3)), counts);
        // st1's week delivered empty: its lessons deleted, its lesson days gone
        StudentData emptied = RecordStoreTest.student("st1", 0, 0);
        store.write("S1", 8, List.of(new StudentData(emptied.student(), List.of(), List.of(), List.of(),
                RecordStoreTest.WINDOW)), counts);

        assertThat(counts.created()).isPositive();
        assertThat(jdbc.plans).hasSizeGreaterThanOrEqualTo(10);
        for (Plan plan : jdbc.plans) {
            assertThat(wholeSchoolScans(plan.json())).as("%s plan of: %s\n%s", plan.kind(), plan.sql(), plan.json())
                    .isEmpty();
        }
        assertThat(jdbc.plans).anySatisfy(p -> assertThat(p.json().toString()).contains("lesson_pkey"));
        assertThat(jdbc.plans).anySatisfy(p -> assertThat(p.json().toString()).contains("lesson_date_idx"));
        assertThat(jdbc.plans).anySatisfy(p -> assertThat(p.json().toString()).contains("absence_pkey"));
        assertThat(jdbc.plans).anySatisfy(p -> assertThat(p.json().toString()).contains("student_lesson_day_pkey"));
        assertThat(jdbc.plans).anySatisfy(p -> {
            assertThat(p.sql()).contains("INSERT INTO student_lesson_day");
            assertThat(p.json().toString()).contains("lesson_date_idx");
        });
        assertThat(jdbc.plans).anySatisfy(p -> assertThat(p.sql()).startsWith("DELETE FROM student_lesson_day"));
        assertThat(jdbc.plans).anySatisfy(p -> {
            assertThat(p.sql()).contains("INSERT INTO student_lesdagen");
            assertThat(p.json().toString()).contains("student_lesson_day_pkey");
        });
    }

    /** Plan nodes that read a record table whole, or through an index condition on nothing but the school. */
    static List<String> wholeSchoolScans(JsonNode node) {
        List<String> bad = new ArrayList<>();
        String type = node.path("Node Type").asText();
        String relation = node.path("Relation Name").asText();
        if (RECORD_TABLES.contains(relation) && type.equals("Seq Scan")) {
            bad.add(type + " on " + relation);
        }
        if (node.has("Index Name") && RECORD_TABLES.stream().anyMatch(t -> node.path("Index Name").asText().startsWith(t))
                && !node.path("Index Cond").asText().contains("lvs_id")) {
            bad.add(type + " using " + node.path("Index Name").asText() + " on " + node.path("Index Cond").asText());
        }
        node.path("Plans").forEach(child -> bad.addAll(wholeSchoolScans(child)));
        return bad;
    }

    record Plan(String kind, String sql, JsonNode json) {
    }

    /** Executes as JdbcTemplate does, after planning each statement twice: for its parameters, and generically. */
    static final class ExplainingJdbc extends JdbcTemplate {
        final List<Plan> plans = new ArrayList<>();
        private int prepared;

        ExplainingJdbc(javax.sql.DataSource ds) {
            super(ds);
        }

        @Override
        public void query(String sql, RowCallbackHandler rch, Object... args) {
            explain(sql, args);
            super.query(sql, rch, args);
        }

        @Override
        public int update(String sql, Object... args) {
            explain(sql, args);
            return super.update(sql, args);
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            explain(sql, batchArgs.get(0));
            return super.batchUpdate(sql, batchArgs);
        }

        private void explain(String sql, Object[] args) {
            plans.add(new Plan("custom", sql, parse(super.queryForObject("EXPLAIN (FORMAT JSON) " + sql, String.class, args))));
            String name = "plan" + ++prepared;
            StringBuilder numbered = new StringBuilder();
            Matcher m = Pattern.compile("\\?").matcher(sql);
            int n = 0;
            while (m.find()) {
                m.appendReplacement(numbered, "\\$" + ++n);
            }
            m.appendTail(numbered);
            super.execute("SET plan_cache_mode = force_generic_plan");
            super.execute("PREPARE " + name + " AS " + numbered);
            List<String> literals = java.util.Arrays.stream(args).map(ExplainingJdbc::literal).toList();
            plans.add(new Plan("generic", sql, parse(super.queryForObject("EXPLAIN (FORMAT JSON) EXECUTE " + name
                    + (args.length == 0 ? "" : "(" + String.join(", ", literals) + ")"), String.class))));
            super.execute("DEALLOCATE " + name);
            super.execute("RESET plan_cache_mode");
        }

        /** EXECUTE takes no bind parameters: the same values as SQL literals. */
        private static String literal(Object v) {
            if (v == null) {
                return "NULL";
            }
            if (v instanceof String[] array) {
                return "ARRAY[" + String.join(", ", java.util.Arrays.stream(array).map(ExplainingJdbc::literal).toList())
                        + "]::varchar[]";
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            return "'" + v.toString().replace("'", "''") + "'";
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json).get(0).get("Plan");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
