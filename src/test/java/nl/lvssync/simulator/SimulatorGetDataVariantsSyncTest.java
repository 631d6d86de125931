package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
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
 * The simulator configured to send GetData as the messiest live layouts do (Windows-1252, \r\r\n, the header
 * repeated, a row per enrolment, the upper-case columns) and the older camelCase aanmeldingen: the sync reads every
 * student once, names intact, in their current class, and quarantines nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SimulatorGetDataVariantsSyncTest {

    static final int STUDENTS = 24;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.quietService(registry, "simvariants", "2026-11-20T10:00:00Z");
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "7");
        registry.add("lvs-sync.simulator.students-per-school", () -> String.valueOf(STUDENTS));
        registry.add("lvs-sync.simulator.shapes.get-data-encoding", () -> "windows-1252");
        registry.add("lvs-sync.simulator.shapes.get-data-line-ending", () -> "CRCRLF");
        registry.add("lvs-sync.simulator.shapes.repeat-header-every", () -> "5");
        registry.add("lvs-sync.simulator.shapes.row-per-enrolment", () -> "true");
        registry.add("lvs-sync.simulator.shapes.upper-case-layout", () -> "true");
        registry.add("lvs-sync.simulator.shapes.documented-aanmeldingen", () -> "true");
        registry.add("lvs-sync.schools[0].id", () -> "SIMV01");
        registry.add("lvs-sync.schools[0].lvs", () -> "simulator");
        registry.add("lvs-sync.schools[0].region", () -> "midden");
        registry.add("lvs-sync.schools[0].codes.AB", () -> "UNEXCUSED");
    }

    @Autowired
    SyncService sync;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LvsSimulator simulator;

    @Test
    void everyStudentOnceWithTheirNameAndCurrentClass() {
        SyncRun run = sync.execute(sync.start("SIMV01", "TEST").id());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(STUDENTS);
        assertThat(run.counts().quarantined()).isZero();
        SimulatedSchool school = simulator.school("SIMV01").orElseThrow();
        LocalDate today = LocalDate.of(2026, 11, 20);
        for (int i = 0; i < STUDENTS; i++) {
            GeneratedStudent g = school.student(i, today);
            Map<String, Object> s = jdbc.sql("SELECT * FROM student WHERE school_id = 'SIMV01' AND lvs_id = ?")
                    .param(String.valueOf(g.personId())).query().singleRow();
            assertThat(s).containsEntry("roepnaam", g.roepnaam()).containsEntry("achternaam", g.achternaam())
                    .containsEntry("stamnr", g.stamnr()).containsEntry("klas", g.klasNaam().toUpperCase(java.util.Locale.ROOT));
        }
        assertThat(jdbc.sql("SELECT roepnaam || ' ' || achternaam FROM student WHERE school_id = 'SIMV01'").query(String.class).list())
                .as("names beyond ASCII came through Windows-1252").anyMatch(n -> n.chars().anyMatch(c -> c > 127));
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE school_id = 'SIMV01'").query(Integer.class).single())
                .isGreaterThan(STUDENTS);
    }
}
