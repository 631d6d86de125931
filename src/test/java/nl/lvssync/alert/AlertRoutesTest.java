package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The timed routes of routes/alerts.camel.yaml, fired by hand instead of by Quartz: the hourly escalation of passed
 * deadlines and the staleness check that raises DATA_STALE for a school whose syncs stopped.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class AlertRoutesTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.magister(registry, 0, "TIM01", "http://127.0.0.1:9/TIM01");
        // a school's own words in its code table
        registry.add("lvs-sync.schools[0].codes.VL", () -> "verlof");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    nl.lvssync.school.SchoolDirectory schools;

    @Test
    void aCodeTableMayUseTheSchoolsOwnWords() {
        assertThat(new nl.lvssync.school.CodeTable(schools.require("TIM01").codes()).verdict("VL", 1, false))
                .isEqualTo(nl.lvssync.verzuim.Verdict.LEAVE);
    }

    @Test
    void escalationAndStalenessRunOnTheirOwn() throws Exception {
        AdviceWith.adviceWith(camel, "alert-escalation", r -> r.replaceFromWith("direct:escalation"));
        AdviceWith.adviceWith(camel, "data-staleness", r -> r.replaceFromWith("direct:staleness"));
        camel.start();
        // an open melding whose deadline (Thu 19 Nov) passed, and a school last synced on Mon 16 Nov
        jdbc.sql("UPDATE school SET last_sync_at = ?, last_success_at = ? WHERE id = 'TIM01'")
                .params(java.sql.Timestamp.valueOf("2026-11-16 02:00:00"), java.sql.Timestamp.valueOf("2026-11-16 02:00:00")).update();
        jdbc.sql("INSERT INTO student (school_id, lvs_id, content_hash, first_seen_at, updated_at) VALUES ('TIM01', 's1', 'x', now(), now())").update();
        jdbc.sql("INSERT INTO alert (id, school_id, student_lvs_id, rule, start_date, end_date, deadline, status, created_at, updated_at)"
                + " VALUES ('a1', 'TIM01', 's1', 'LEGAL_16H', DATE '2026-11-09', DATE '2026-11-12', DATE '2026-11-19', 'OPEN', now(), now())").update();

        assertThat(producer.requestBody("direct:escalation", null, Integer.class)).isEqualTo(1);
        assertThat(producer.requestBody("direct:escalation", null, Integer.class)).isZero();
        assertThat(jdbc.sql("SELECT action FROM alert_history WHERE alert_id = 'a1'").query(String.class).list()).containsExactly("ESCALATED");

        assertThat(producer.requestBody("direct:staleness", null, Integer.class)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE school_id = 'TIM01' AND rule = 'DATA_STALE' AND status = 'OPEN'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT incomplete FROM alert WHERE id = 'a1'").query(Boolean.class).single()).isTrue();
    }
}
