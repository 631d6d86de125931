package nl.lvssync.alert;

import io.micrometer.core.instrument.MeterRegistry;
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
        AlertView view = alerts.view(alertId).orElseThrow();
        // lvs_sync_alert_events_total{school,rule,event}: what the rules raise, withdraw and escalate, per school
        meters.counter("lvs.sync.alert.events", "school", view.school(), "rule", view.rule(), "event", change.eventName())
                .increment();
        events.publishEvent(new AlertChanged(change, view, actor, message));
    }
}
