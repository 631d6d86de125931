package nl.lvssync.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A melding whose deadline passed without the coordinator marking it reported escalates, once. */
@Component
public class AlertEscalation {

    private static final int CHUNK = 200;

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
        List<StoredAlert> due = alerts.overdue(today, school);
        int escalated = 0;
        // a first evaluation can find a school's whole year overdue at once: a transaction per chunk, not per alert
        for (int i = 0; i < due.size(); i += CHUNK) {
            List<StoredAlert> chunk = due.subList(i, Math.min(due.size(), i + CHUNK));
            Integer done = tx.execute(status -> escalate(chunk));
            escalated += done == null ? 0 : done;
        }
        return escalated;
    }

    private int escalate(List<StoredAlert> chunk) {
        Instant now = clock.instant();
        // each only if nobody escalated it meanwhile
        List<StoredAlert> marked = alerts.markEscalated(chunk, now);
        List<AlertRepository.NewHistory> history = new ArrayList<>();
        List<AlertEvents.Change> changes = new ArrayList<>();
        for (StoredAlert alert : marked) {
            boolean opp = OppAlerts.RULES.contains(alert.rule());
            history.add(new AlertRepository.NewHistory(alert.id(), now, AlertReconciler.SYSTEM, "ESCALATED", alert.status(),
                    alert.status(), "Deadline " + alert.deadline() + " passed without " + (opp ? "the alert being handled."
                            : "the melding being marked reported.")));
            changes.add(new AlertEvents.Change(AlertChanged.Change.OVERDUE, alert.id(), AlertReconciler.SYSTEM, opp
                    ? "De termijn (" + alert.deadline() + ") is verstreken."
                    : "De termijn voor de melding (" + alert.deadline() + ") is verstreken."));
        }
        alerts.historyAll(history);
        events.publishAll(changes);
        return marked.size();
    }
}
