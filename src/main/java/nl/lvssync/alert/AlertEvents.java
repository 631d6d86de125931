package nl.lvssync.alert;

import java.util.List;
import org.springframework.stereotype.Component;

/** Hands an alert change to every notifier, inside the caller's transaction. */
@Component
public class AlertEvents {

    private final AlertRepository alerts;
    private final List<AlertNotifier> notifiers;

    public AlertEvents(AlertRepository alerts, List<AlertNotifier> notifiers) {
        this.alerts = alerts;
        this.notifiers = notifiers;
    }

    public void publish(String event, String alertId, String actor, String message) {
        if (notifiers.isEmpty()) {
            return;
        }
        AlertView view = alerts.view(alertId).orElseThrow();
        notifiers.forEach(n -> n.alertEvent(event, view, actor, message));
    }
}
