package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lvssync.school.School;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.School.WebhookFormat;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.Students;
import org.junit.jupiter.api.Test;

/**
 * An event that can reach nobody (no coordinator to mail or call, no administrator for its kind) writes no outbox row
 * and prepares nothing for one: the student is not looked up, no payload is written.
 */
class NobodyToTellTest {

    final SchoolDirectory schools = mock(SchoolDirectory.class);
    final OutboxRepository rows = mock(OutboxRepository.class);
    final Students students = mock(Students.class);

    NotificationOutbox outbox(List<String> admins, Coordinator... coordinators) {
        School school = RoutingAndQuietHoursTest.school(coordinators);
        when(schools.find("01AA00")).thenReturn(Optional.of(school));
        return new NotificationOutbox(schools, new AdminEmails(admins), rows, students, new ObjectMapper(), Clock.systemUTC());
    }

    static NotificationEvent raised() {
        return new NotificationEvent(NotificationEvent.ALERT_RAISED, "01AA00", "a1", "system",
                Map.of("id", "a1", "student", Map.of("lvsId", "s1")), null);
    }

    @Test
    void aSchoolWithoutCoordinatorsPreparesNothingForItsAlerts() {
        NotificationOutbox outbox = outbox(List.of("beheer@example.nl"));

        assertThat(outbox.anyRecipient(NotificationEvent.ALERT_RAISED, "01AA00")).isFalse();
        assertThat(outbox.enqueue(raised(), "alert.raised:a1")).isZero();
        verify(students, never()).find(anyString(), anyString());
        verify(rows, never()).insert(any(), any(), any(), any(), any(), any(), any(), any(), any());
        assertThat(outbox.anyRecipient(NotificationEvent.SCHOOL_STALE, "01AA00")).as("administrators hear of it").isTrue();
        assertThat(outbox.anyRecipient(NotificationEvent.ALERT_RAISED, "99ZZ99")).as("unknown: enqueue says so").isTrue();
    }

    @Test
    void aCoordinatorWithOnlyAWebhookIsSomebody() {
        NotificationOutbox outbox = outbox(List.of(), new Coordinator("hook", null, "Hook", "https://hooks.example/x", null,
                WebhookFormat.GENERIC, List.of(), List.of()));

        assertThat(outbox.anyRecipient(NotificationEvent.ALERT_RAISED, "01AA00")).isTrue();
        assertThat(outbox.anyRecipient(NotificationEvent.SYNC_FAILED, "01AA00")).isTrue();
        assertThat(outbox.anyRecipient(NotificationEvent.SCHOOL_STALE, "01AA00")).as("no administrators").isFalse();
    }
}
