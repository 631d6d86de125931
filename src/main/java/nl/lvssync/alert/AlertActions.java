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

    /** The rules whose alerts are a melding to DUO (legal duty), not a signal. */
    static final Set<String> LEGAL = Set.of("LEGAL_16H", "LRV", "LUXE");

    public void apply(StoredAlert alert, Action action, String actor, String note) {
        apply(alert, action, actor, note, null);
    }

    /**
     * @param meldingNummer the number DUO's verzuimloket gave the melding (REPORTED only; optional)
     * @throws IllegalStateException when the alert's status does not allow the action
     * @throws IllegalArgumentException when a legal alert that was never reported is closed without a reason
     */
    public void apply(StoredAlert alert, Action action, String actor, String note, String meldingNummer) {
        if (alert.status() == action.to) {
            return;
        }
        if (!action.from.contains(alert.status())) {
            throw new IllegalStateException("alert " + alert.id() + " is " + alert.status() + ": it cannot be "
                    + action.to.name().toLowerCase() + " now");
        }
        String reason = note == null || note.isBlank() ? null : note.strip();
        // the law requires the melding: closing it unreported is a decision someone must be able to explain later
        if (action == Action.CLOSE && reason == null && LEGAL.contains(alert.rule())
                && (alert.status() == AlertStatus.OPEN || alert.status() == AlertStatus.ACKNOWLEDGED)) {
            throw new IllegalArgumentException("a " + alert.rule() + " alert that was not reported to DUO can only be"
                    + " closed with a reason (field 'reason')");
        }
        String nummer = meldingNummer == null || meldingNummer.isBlank() ? null : meldingNummer.strip();
        if (nummer != null && nummer.length() > 64) {
            throw new IllegalArgumentException("the DUO meldingsnummer is at most 64 characters");
        }
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (!alerts.changeStatus(alert.id(), alert.status(), action.to, now)) {
                throw new IllegalStateException("alert " + alert.id() + " was changed by someone else; reload it");
            }
            String detail = reason;
            if (action == Action.REPORTED && nummer != null) {
                alerts.meldingNummer(alert.id(), nummer);
                detail = "meldingsnummer " + nummer + (reason == null ? "" : "; " + reason);
            }
            alerts.history(alert.id(), now, actor, action.name(), alert.status(), action.to, detail);
        });
    }
}
