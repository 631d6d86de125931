package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.PostgresTestDatabase;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Les;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules' chunked read on PostgreSQL (its own queries: lessons per absence day through a lateral join, lesson days as
 * one array per student) hands over, student by student, exactly what the plain per-student queries read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
class PostgresRuleInputsTest {

    static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.postgres(registry, DATABASE);
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "11");
        registry.add("lvs-sync.simulator.students-per-school", () -> "25");
        registry.add("lvs-sync.schools[0].id", () -> "PRI01");
        registry.add("lvs-sync.schools[0].lvs", () -> "simulator");
        registry.add("lvs-sync.schools[0].region", () -> "noord");
        registry.add("lvs-sync.schools[0].codes.AB", () -> "UNEXCUSED");
        registry.add("lvs-sync.schools[0].codes.ZK", () -> "SICK");
    }

    @AfterAll
    static void drop() {
        DATABASE.drop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    RuleInputs inputs;

    @Test
    void chunkedReadEqualsThePerStudentRead() {
        assertThat(sync.execute(sync.start("PRI01", "TEST").id()).status()).isEqualTo(SyncStatus.SUCCEEDED);
        LocalDate from = LocalDate.of(2026, 8, 1);
        inputs.markAllForEvaluation("PRI01");

        List<RuleInputs.StudentRecords> read = new ArrayList<>();
        inputs.forEachMarkedChunk("PRI01", from, 7, chunk -> {
            assertThat(chunk).hasSizeLessThanOrEqualTo(7);
            read.addAll(chunk);
        });

        assertThat(read).hasSize(25);
        int withAbsences = 0;
        for (RuleInputs.StudentRecords r : read) {
            String id = r.leerling().lvsId();
            List<Les> all = inputs.lessen("PRI01", id, from);
            List<Absentie> absenties = inputs.absenties("PRI01", id, from);
            assertThat(r.absenties()).as(id).containsExactlyInAnyOrderElementsOf(absenties);
            assertThat(r.lesdagen()).as(id).isEqualTo(all.stream().map(Les::datum).collect(Collectors.toSet()));
            Set<LocalDate> absenceDays = new HashSet<>();
            absenties.forEach(a -> absenceDays.add(a.datum()));
            assertThat(r.lessen()).as(id).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(l -> absenceDays.contains(l.datum())).toList());
            withAbsences += absenties.isEmpty() ? 0 : 1;
        }
        assertThat(withAbsences).as("students with absences to compare").isGreaterThan(10);
        assertThat(inputs.dirtyStudents("PRI01")).isEmpty();
    }
}
