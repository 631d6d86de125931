package nl.lvssync.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.lvssync.alert.AlertChanged;
import nl.lvssync.verzuim.Regel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Alert changes go to the notification outbox. Synchronous on purpose: it runs in the transaction that changes the
 * alert, so the change and its notifications are committed together or not at all.
 */
@Component
class OutboxAlertNotifier {

    private final NotificationOutbox outbox;
    private final ObjectMapper json;

    OutboxAlertNotifier(NotificationOutbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @EventListener
    void on(AlertChanged changed) {
        String event = type(changed.change());
        if (outbox.anyRecipient(event, changed.alert().school())) {
            Map<String, Object> body = json.convertValue(changed.alert(), new TypeReference<Map<String, Object>>() { });
            outbox.enqueue(new NotificationEvent(event, changed.alert().school(), changed.alert().id(), changed.actor(), body,
                    changed.message()));
        }
        if (Regel.DATA_STALE.name().equals(changed.alert().rule()) && changed.change() == AlertChanged.Change.RAISED) {
            // administrators hear of a stale school too (at most once per school per day, by the outbox's event id)
            outbox.enqueue(new NotificationEvent(NotificationEvent.SCHOOL_STALE, changed.alert().school(), null,
                    changed.actor(), null, changed.message()));
        }
    }

    private static String type(AlertChanged.Change change) {
        return switch (change) {
            case RAISED -> NotificationEvent.ALERT_RAISED;
            case WITHDRAWN -> NotificationEvent.ALERT_WITHDRAWN;
            case OVERDUE -> NotificationEvent.ALERT_OVERDUE;
        };
    }
}
