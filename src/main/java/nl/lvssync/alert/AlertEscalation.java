package nl.lvssync.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A melding whose deadline passed without the coordinator marking it reported escalates, once. */
@Component
public class AlertEscalation {

    private final AlertRepository alerts;
    private final AlertEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AlertEscalation(AlertRepository alerts, AlertEvents events, TransactionTemplate tx, Clock clock) {
        this.alerts = alerts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The hourly route: every school. @return how many alerts escalated now */
    public int escalateAll() {
        return escalateDue(null);
    }

    /** @param school only this school's alerts; null for all */
    public int escalateDue(String school) {
        LocalDate today = LocalDate.now(clock);
        int escalated = 0;
        for (StoredAlert alert : alerts.overdue(today, school)) {
            Boolean done = tx.execute(status -> {
                Instant now = clock.instant();
                if (!alerts.markEscalated(alert.id(), now)) {
                    return false;
                }
                boolean opp = OppAlerts.RULES.contains(alert.rule());
                alerts.history(alert.id(), now, AlertReconciler.SYSTEM, "ESCALATED", alert.status(), alert.status(),
                        "Deadline " + alert.deadline() + " passed without " + (opp ? "the alert being handled."
                                : "the melding being marked reported."));
                events.publish(AlertChanged.Change.OVERDUE, alert.id(), AlertReconciler.SYSTEM, opp
                        ? "De termijn (" + alert.deadline() + ") is verstreken."
                        : "De termijn voor de melding (" + alert.deadline() + ") is verstreken.");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }
}
