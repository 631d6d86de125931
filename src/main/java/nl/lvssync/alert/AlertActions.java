package nl.lvssync.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The coordinator's actions on an alert, each recorded with who and when. */
@Component
class AlertActions {

    /** acknowledge: seen and being handled; reported: the melding is made at DUO; close: nothing more to do */
    public enum Action {
        ACKNOWLEDGE(AlertStatus.ACKNOWLEDGED, EnumSet.of(AlertStatus.OPEN)),
        REPORTED(AlertStatus.REPORTED, EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)),
        CLOSE(AlertStatus.CLOSED, EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.REPORTED, AlertStatus.WITHDRAWN));

        final AlertStatus to;
        final Set<AlertStatus> from;

        Action(AlertStatus to, Set<AlertStatus> from) {
            this.to = to;
            this.from = from;
        }
    }

    private final AlertRepository alerts;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertActions(AlertRepository alerts, TransactionTemplate tx, Clock clock) {
        this.alerts = alerts;
        this.tx = tx;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the alert's status does not allow the action */
    public void apply(StoredAlert alert, Action action, String actor, String note) {
        if (alert.status() == action.to) {
            return;
        }
        if (!action.from.contains(alert.status())) {
            throw new IllegalStateException("alert " + alert.id() + " is " + alert.status() + ": it cannot be "
                    + action.to.name().toLowerCase() + " now");
        }
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (!alerts.changeStatus(alert.id(), alert.status(), action.to, now)) {
                throw new IllegalStateException("alert " + alert.id() + " was changed by someone else; reload it");
            }
            alerts.history(alert.id(), now, actor, action.name(), alert.status(), action.to,
                    note == null || note.isBlank() ? null : note.strip());
        });
    }
}
