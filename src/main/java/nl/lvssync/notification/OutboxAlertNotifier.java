package nl.lvssync.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.lvssync.alert.AlertNotifier;
import nl.lvssync.alert.AlertView;
import nl.lvssync.verzuim.Regel;
import org.springframework.stereotype.Component;

/** Alert changes go to the notification outbox, in the transaction that makes them. */
@Component
public class OutboxAlertNotifier implements AlertNotifier {

    private final NotificationOutbox outbox;
    private final ObjectMapper json;

    public OutboxAlertNotifier(NotificationOutbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void alertEvent(String event, AlertView alert, String actor, String message) {
        Map<String, Object> body = json.convertValue(alert, new TypeReference<Map<String, Object>>() { });
        outbox.enqueue(new NotificationEvent(event, alert.school(), alert.id(), actor, body, message));
        if (Regel.DATA_STALE.name().equals(alert.rule()) && NotificationEvent.ALERT_RAISED.equals(event)) {
            // administrators hear of a stale school too (at most once per school per day, by the outbox's event id)
            outbox.enqueue(new NotificationEvent(NotificationEvent.SCHOOL_STALE, alert.school(), null, actor, null, message));
        }
    }
}
