package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The simulator in its other shapes: a school served as Somtoday over HTTP and one whose exports it writes into a
 * folder, both read completely by the real connectors, with the same generated data as the Magister shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SimulatedSomtodayAndCsvSyncTest {

    static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("lvs-sim-csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:simshapes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("lvs-sync.clock.fixed", () -> "2026-11-20T15:00:00Z");
        registry.add("lvs-sync.sync.run-at-startup", () -> "false");
        registry.add("lvs-sync.sync.schedules-enabled", () -> "false");
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "42");
        registry.add("lvs-sync.simulator.students-per-school", () -> "20");
        registry.add("lvs-sync.csv.poll-delay", () -> "200ms");
        registry.add("lvs-sync.csv.run-on-arrival", () -> "false");
        String[][] schools = {{"SOMSIM", "somtoday"}, {"CSVSIM", "csv"}};
        for (int i = 0; i < schools.length; i++) {
            String p = "lvs-sync.schools[" + i + "].";
            String[] school = schools[i];
            registry.add(p + "id", () -> school[0]);
            registry.add(p + "lvs", () -> "simulator");
            registry.add(p + "simulates", () -> school[1]);
            registry.add(p + "region", () -> "noord");
            for (String[] code : new String[][] {{"AB", "UNEXCUSED"}, {"ZK", "SICK"}, {"TL", "LATE"},
                {"TLG", "LATE_EXCUSED"}, {"GA", "EXCUSED"}, {"VL", "LEAVE"}, {"SC", "SUSPENDED"}}) {
                registry.add(p + "codes." + code[0], () -> code[1]);
            }
        }
        registry.add("lvs-sync.schools[1].csv.folder", FOLDER::toString);
        registry.add("lvs-sync.schools[1].csv.min-age", () -> "300ms");
        // a VSO: a plan for everyone, its OPP export beside the others
        registry.add("lvs-sync.schools[1].opp.required-when.all", () -> "true");
        registry.add("lvs-sync.schools[1].opp.min-age", () -> "300ms");
        registry.add("lvs-sync.opp.poll-delay", () -> "200ms");
    }

    @Autowired
    SyncService sync;
    @Autowired
    JdbcClient jdbc;

    SyncRun runOnce(String school) {
        return sync.execute(sync.start(school, "TEST").id());
    }

    int count(String sql, String school) {
        return jdbc.sql(sql).param(school).query(Integer.class).single();
    }

    @Test
    void aSimulatedSomtodaySchoolSyncsCompletely() {
        SyncRun run = runOnce("SOMSIM");

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(20);
        assertThat(run.counts().lessons()).isPositive();
        assertThat(run.counts().absences()).isPositive();
        assertThat(count("SELECT count(*) FROM student WHERE school_id = ? AND bsn IS NULL", "SOMSIM")).isPositive();
        assertThat(count("SELECT count(*) FROM enrolment WHERE school_id = ?", "SOMSIM")).isEqualTo(20);
        assertThat(count("SELECT count(DISTINCT verdict) FROM absence WHERE school_id = ?", "SOMSIM")).isGreaterThan(2);
        // every absence lies on one of the student's lessons (the simulator's lessons all have waarnemingen)
        assertThat(count("SELECT count(*) FROM absence a WHERE school_id = ? AND NOT EXISTS (SELECT 1 FROM lesson l"
                + " WHERE l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id)",
                "SOMSIM")).isZero();
        // late arrivals come as Telaat meldingen that end at the arrival: the minutes are known
        assertThat(count("SELECT count(*) FROM absence WHERE school_id = ? AND verdict = 'LATE'"
                + " AND starts_at > lesson_starts_at", "SOMSIM")).isPositive();

        SyncRun again = runOnce("SOMSIM");
        assertThat(again.counts().created() + again.counts().updated() + again.counts().deleted()).isZero();
    }

    @Test
    void aSimulatedCsvSchoolGetsItsExportsInItsFolder() throws IOException {
        SyncRun run = runOnce("CSVSIM");

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(20);
        assertThat(run.counts().lessons()).isPositive();
        assertThat(run.counts().absences()).isPositive();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM opp_export WHERE school_id = ?", "CSVSIM") == 1);
        try (Stream<Path> done = Files.list(FOLDER.resolve("done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).hasSize(4)
                    .anyMatch(n -> n.contains("leerlingen_20261120")).anyMatch(n -> n.contains("absenties_20261120"))
                    .anyMatch(n -> n.contains("opp_20261120"));
        }
        // the students export carries the enrolment date the OPP rules count from; most students have a plan
        assertThat(count("SELECT count(*) FROM enrolment WHERE school_id = ? AND begin_date IS NOT NULL", "CSVSIM")).isEqualTo(20);
        assertThat(count("SELECT count(DISTINCT student_lvs_id) FROM opp_plan_version WHERE school_id = ?", "CSVSIM"))
                .isBetween(15, 20);
        assertThat(count("SELECT count(*) FROM absence a WHERE school_id = ? AND lesson_lvs_id IS NULL", "CSVSIM")).isZero();
        assertThat(count("SELECT count(*) FROM student WHERE school_id = ? AND roepnaam IS NULL", "CSVSIM")).isZero();
    }
}
