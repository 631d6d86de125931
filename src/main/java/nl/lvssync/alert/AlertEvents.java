package nl.lvssync.alert;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hands an alert change to every notifier, inside the caller's transaction. */
@Component
public class AlertEvents {

    private final AlertRepository alerts;
    private final List<AlertNotifier> notifiers;
    private final MeterRegistry meters;

    public AlertEvents(AlertRepository alerts, List<AlertNotifier> notifiers, MeterRegistry meters) {
        this.alerts = alerts;
        this.notifiers = notifiers;
        this.meters = meters;
    }

    public void publish(String event, String alertId, String actor, String message) {
        AlertView view = alerts.view(alertId).orElseThrow();
        // lvs_sync_alert_events_total{school,rule,event}: what the rules raise, withdraw and escalate, per school
        meters.counter("lvs.sync.alert.events", "school", view.school(), "rule", view.rule(), "event", event).increment();
        notifiers.forEach(n -> n.alertEvent(event, view, actor, message));
    }
}
