package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * O4 in notifications: long-term absence (LRV) of a student with an OPP says so, in one sentence; the plan's arrangement,
 * coach and contents never leave LVS Sync, and the OPP alerts' messages name the task only.
 */
class OppNotificationTextsTest {

    final NotificationTexts texts = new NotificationTexts(new MailSettings("LVS Sync <noreply@x>", "http://lvs", Duration.ofSeconds(5)));

    static Map<String, Object> alert(String rule, boolean withOpp) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "a1");
        a.put("school", "OPP01");
        a.put("student", Map.of("lvsId", "4007", "name", "Julia Bos", "class", "2a"));
        a.put("rule", rule);
        a.put("startDate", "2026-10-12");
        a.put("endDate", "2026-11-13");
        a.put("status", "OPEN");
        a.put("incomplete", false);
        a.put("explanation", "Het OPP mist: uitstroombestemming");
        if (withOpp) {
            a.put("opp", Map.of("planId", "P-4007", "arrangement", "TOP groep", "coach", "M. Bakker"));
        }
        return a;
    }

    NotificationMessage message(Map<String, Object> alert) {
        Map<String, Object> sent = NotificationOutbox.leastData(alert);
        return texts.forEvent(new OutboxPayload.Event("alert.raised", "e1", "OPP01", "OPP-school", "system", null, sent,
                "J. Bos", "2a", Instant.parse("2026-11-20T10:00:00Z")), "Zorgcoördinator");
    }

    static String all(NotificationMessage m) {
        return m.subject() + " " + String.join(" ", m.paragraphs()) + " " + m.facts();
    }

    @Test
    void longTermAbsenceOfAStudentWithAnOppSaysSoAndNothingMore() {
        Map<String, Object> sent = NotificationOutbox.leastData(alert("LRV", true));
        assertThat(sent).containsEntry("hasOpp", true).doesNotContainKeys("opp", "explanation");
        String text = all(message(alert("LRV", true)));
        assertThat(text).contains("Deze leerling heeft een ontwikkelingsperspectiefplan (OPP).")
                .doesNotContain("TOP groep").doesNotContain("M. Bakker").doesNotContain("P-4007");
        assertThat(all(message(alert("LRV", false)))).doesNotContain("ontwikkelingsperspectiefplan");
        // other absence alerts show the OPP in LVS Sync only
        assertThat(NotificationOutbox.leastData(alert("LEGAL_16H", true))).doesNotContainKeys("hasOpp", "opp");
        assertThat(all(message(alert("LEGAL_16H", true)))).doesNotContain("ontwikkelingsperspectiefplan", "M. Bakker");
    }

    @Test
    void oppAlertsNameTheTaskNotTheContents() {
        String incomplete = all(message(alert("OPP_INCOMPLETE", false)));
        assertThat(incomplete).contains("OPP mist verplichte onderdelen", "welke staat in LVS Sync")
                .doesNotContain("uitstroombestemming");
        assertThat(all(message(alert("OPP_OVERDUE", false)))).contains("OPP niet op tijd vastgesteld");
        assertThat(message(alert("OPP_DUE", false)).subject()).startsWith("[LVS Sync] OPP01 OPP-school — OPP_DUE");
    }
}
