package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lvssync.ServiceTest;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real Magister connector and sync against the simulator started by the Spring wiring, into H2. */
@ServiceTest
class SimulatorSyncTest {

    @Autowired
    SyncService sync;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LvsSimulator simulator;

    SyncRun runOnce(String school) {
        return sync.execute(sync.start(school, "TEST").id());
    }

    int count(String sql, String school) {
        return jdbc.sql(sql).param(school).query(Integer.class).single();
    }

    @Test
    void aSimulatedSchoolSyncsCompletelyAndASecondRunChangesNothing() {
        SyncRun run = runOnce("SIM01");

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(12);
        // 12 students, 65 lesdagen from 17 August (noord) to 20 November, 5 to 8 lessons a day
        assertThat(run.counts().lessons()).isBetween(12 * 65 * 5, 12 * 65 * 8);
        assertThat(run.counts().absences()).isPositive();
        assertThat(run.counts().quarantined()).isZero();
        assertThat(count("SELECT count(*) FROM student WHERE school_id = ? AND active", "SIM01")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM lesson WHERE school_id = ?", "SIM01")).isEqualTo(run.counts().lessons());
        assertThat(count("SELECT count(*) FROM absence WHERE school_id = ?", "SIM01")).isEqualTo(run.counts().absences());
        assertThat(count("SELECT count(*) FROM lesson WHERE school_id = ? AND cancelled", "SIM01")).isPositive();
        assertThat(count("SELECT count(*) FROM enrolment WHERE school_id = ?", "SIM01")).isGreaterThanOrEqualTo(12);
        assertThat(count("SELECT count(DISTINCT verdict) FROM absence WHERE school_id = ?", "SIM01")).isGreaterThan(2);
        assertThat(count("SELECT count(*) FROM absence WHERE school_id = ? AND (lesson_lvs_id IS NULL"
                + " OR lesson_starts_at IS NULL OR verdict = 'NOT_ABSENCE')", "SIM01")).isZero();
        assertThat(count("SELECT count(*) FROM absence a WHERE school_id = ? AND NOT EXISTS (SELECT 1 FROM lesson l"
                + " WHERE l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id)",
                "SIM01")).as("every absence is on one of the student's lessons").isZero();
        assertThat(count("SELECT count(*) FROM lesson WHERE school_id = ? AND lesson_date BETWEEN DATE '2026-10-12'"
                + " AND DATE '2026-10-16'", "SIM01")).as("noord autumn holiday").isZero();

        SyncRun second = runOnce("SIM01");
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.counts().created() + second.counts().updated() + second.counts().deleted())
                .as("the simulator serves the same records again").isZero();
    }

    @Test
    void eachSchoolHasItsOwnSizeAndRegion() {
        SyncRun run = runOnce("SIM02");

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(3);
        assertThat(simulator.school("SIM02").orElseThrow().regio()).hasToString("ZUID");
        // zuid's autumn holiday is a week later than noord's
        assertThat(count("SELECT count(*) FROM lesson WHERE school_id = ? AND lesson_date BETWEEN DATE '2026-10-12'"
                + " AND DATE '2026-10-16'", "SIM02")).isPositive();
        assertThat(count("SELECT count(*) FROM lesson WHERE school_id = ? AND lesson_date BETWEEN DATE '2026-10-19'"
                + " AND DATE '2026-10-23'", "SIM02")).isZero();
    }
}
