package nl.lvssync.alert;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes an {@link AlertChanged}, inside the caller's transaction, and counts it. */
@Component
class AlertEvents {

    private final AlertRepository alerts;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    AlertEvents(AlertRepository alerts, ApplicationEventPublisher events, MeterRegistry meters) {
        this.alerts = alerts;
        this.events = events;
        this.meters = meters;
    }

    void publish(AlertChanged.Change change, String alertId, String actor, String message) {
        publish(change, alerts.view(alertId).orElseThrow(), actor, message);
    }

    /** Many changes, in order, their alerts read together. */
    void publishAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, AlertView> views = alerts.viewsOf(changes.stream().map(Change::alertId).toList());
        for (Change c : changes) {
            AlertView view = views.get(c.alertId());
            if (view == null) {
                throw new IllegalStateException("alert " + c.alertId() + " changed but cannot be read");
            }
            publish(c.change(), view, c.actor(), c.message());
        }
    }

    private void publish(AlertChanged.Change change, AlertView view, String actor, String message) {
        // lvs_sync_alert_events_total{school,rule,event}: what the rules raise, withdraw and escalate, per school
        meters.counter("lvs.sync.alert.events", "school", view.school(), "rule", view.rule(), "event", change.eventName())
                .increment();
        events.publishEvent(new AlertChanged(change, view, actor, message));
    }

    /** One change to publish. */
    record Change(AlertChanged.Change change, String alertId, String actor, String message) {
    }
}
