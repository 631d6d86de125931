package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The rules write a chunk of students' alerts in one transaction; when that fails, each student is written on their own,
 * so one student's failure costs only that student (marked again, tried next time) and the others get their alerts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class AlertChunkFailureTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "7");
        registry.add("lvs-sync.simulator.students-per-school", () -> "60");
        registry.add("lvs-sync.schools[0].id", () -> "CHK01");
        registry.add("lvs-sync.schools[0].lvs", () -> "simulator");
        registry.add("lvs-sync.schools[0].region", () -> "noord");
        for (String[] code : new String[][] {{"AB", "UNEXCUSED"}, {"ZK", "SICK"}, {"TL", "LATE"}, {"TLG", "LATE_EXCUSED"},
                {"GA", "EXCUSED"}, {"VL", "LEAVE"}, {"SC", "SUSPENDED"}}) {
            registry.add("lvs-sync.schools[0].codes." + code[0], () -> code[1]);
        }
    }

    @Autowired
    SyncService sync;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    JdbcClient jdbc;
    @MockitoSpyBean
    AlertRepository alerts;

    @Test
    void oneStudentsFailureLeavesTheOthersAlertsWritten() {
        // the run alone: its rules are what this test calls below
        assertThat(sync.execute(sync.start("CHK01", "TEST").id()).status()).isEqualTo(SyncStatus.SUCCEEDED);

        Map<String, Long> expected = evaluateAllAndCount();
        assertThat(expected.size()).as("students with an alert, enough to share a chunk").isGreaterThan(3);
        String unlucky = expected.keySet().stream().sorted().skip(1).findFirst().orElseThrow();
        jdbc.sql("DELETE FROM alert_history").update();
        jdbc.sql("DELETE FROM alert_record").update();
        jdbc.sql("DELETE FROM notification_outbox").update();
        jdbc.sql("DELETE FROM alert").update();

        doAnswer(call -> {
            List<StoredAlert> batch = call.getArgument(0);
            if (batch.stream().anyMatch(a -> a.studentLvsId().equals(unlucky))) {
                throw new IllegalStateException("student " + unlucky + "'s alert cannot be written");
            }
            return call.callRealMethod();
        }).when(alerts).insertAll(anyList());

        AlertEvaluation.Result failing = evaluation.evaluate("CHK01", true);
        assertThat(failing.failed()).isEqualTo(1);
        Map<String, Long> written = counts();
        assertThat(written).doesNotContainKey(unlucky);
        Map<String, Long> others = new java.util.TreeMap<>(expected);
        others.remove(unlucky);
        assertThat(written).isEqualTo(others);
        assertThat(jdbc.sql("SELECT lvs_id FROM student WHERE school_id = 'CHK01' AND rules_dirty = TRUE")
                .query(String.class).list()).containsExactly(unlucky);

        org.mockito.Mockito.reset(alerts);
        AlertEvaluation.Result next = evaluation.evaluate("CHK01", false);
        assertThat(next.students()).as("only the student that failed").isEqualTo(1);
        assertThat(next.failed()).isZero();
        assertThat(counts()).isEqualTo(expected);
    }

    private Map<String, Long> evaluateAllAndCount() {
        AlertEvaluation.Result result = evaluation.evaluate("CHK01", true);
        assertThat(result.failed()).isZero();
        assertThat(result.students()).isEqualTo(60);
        return counts();
    }

    private Map<String, Long> counts() {
        return jdbc.sql("SELECT student_lvs_id FROM alert WHERE school_id = 'CHK01' AND student_lvs_id <> ''")
                .query(String.class).list().stream()
                .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
    }
}
