package nl.lvssync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.school.SchoolRepository;
import nl.lvssync.sync.RuleInputs;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.verzuim.Regel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R6: no data is not zero absence. A school whose last successful sync is older than its schedule allows gets a
 * DATA_STALE alert and every live alert of it is marked incomplete; when fresh data lands the alert closes.
 */
@Component
public class DataStaleness {

    private final SchoolDirectory schools;
    private final SchoolRepository schoolRepository;
    private final RuleInputs inputs;
    private final JdbcClient jdbc;
    private final AlertRepository alerts;
    private final AlertEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DataStaleness(SchoolDirectory schools, SchoolRepository schoolRepository, RuleInputs inputs, JdbcClient jdbc,
                  AlertRepository alerts, AlertEvents events, TransactionTemplate tx, Clock clock) {
        this.schools = schools;
        this.schoolRepository = schoolRepository;
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The hourly check (routes/alerts.camel.yaml): a school whose syncs stopped altogether is noticed too. */
    public int checkAll() {
        int stale = 0;
        for (School school : schools.all()) {
            stale += check(school) ? 1 : 0;
        }
        return stale;
    }

    /** @return whether the school's data is stale now */
    public boolean check(School school) {
        return Boolean.TRUE.equals(tx.execute(status -> checkInTransaction(school)));
    }

    private boolean checkInTransaction(School school) {
        Instant now = clock.instant();
        SchoolRepository.SyncTimes times = schoolRepository.syncTimes(school.id());
        Instant lastAttempt = times.lastAttempt();
        Instant lastSuccess = times.lastSuccess();
        Instant staleSince = lastSuccess != null ? lastSuccess.plus(Duration.ofHours(school.staleAfterHours()))
                // never synced: only a failed attempt makes it stale; a service that just started is not
                : lastAttempt;
        List<StoredAlert> open = alerts.live(school.id(), Regel.DATA_STALE.name());
        if (staleSince != null && !now.isBefore(staleSince)) {
            if (open.isEmpty()) {
                raise(school, staleSince, lastSuccess, now);
            }
            alerts.setIncomplete(school.id(), true, now);
            return true;
        }
        if (!open.isEmpty()) {
            for (StoredAlert alert : open) {
                alerts.changeStatus(alert.id(), alert.status(), AlertStatus.CLOSED, now);
                alerts.history(alert.id(), now, AlertReconciler.SYSTEM, "RESOLVED", alert.status(), AlertStatus.CLOSED,
                        "A sync succeeded at " + ApiTimeText.of(lastSuccess) + "; the school's data is current again.");
            }
            // the incomplete marks came from staleness: every student's alerts are worked out again
            inputs.markAllForEvaluation(school.id());
        }
        return false;
    }

    private void raise(School school, Instant staleSince, Instant lastSuccess, Instant now) {
        LocalDate start = staleSince.atZone(ClockConfig.AMSTERDAM).toLocalDate();
        String id = UUID.randomUUID().toString();
        String explanation = lastSuccess == null
                ? "Er is nog geen geslaagde synchronisatie; de verzuimgegevens van deze school ontbreken."
                : "Laatste geslaagde synchronisatie " + ApiTimeText.of(lastSuccess) + ", langer dan "
                + school.staleAfterHours() + " uur geleden: verzuimgegevens zijn mogelijk onvolledig.";
        // the natural key may already hold a closed alert for the same day: then that one is reopened
        var existing = jdbc.sql("SELECT id, status FROM alert WHERE school_id = ? AND student_lvs_id = '' AND rule = ?"
                        + " AND signal = '' AND start_date = ?")
                .params(school.id(), Regel.DATA_STALE.name(), start).query().listOfRows();
        if (!existing.isEmpty()) {
            String oldId = (String) existing.get(0).get("id");
            AlertStatus old = AlertStatus.valueOf((String) existing.get(0).get("status"));
            alerts.changeStatus(oldId, old, AlertStatus.OPEN, now);
            alerts.history(oldId, now, AlertReconciler.SYSTEM, "REINSTATED", old, AlertStatus.OPEN, explanation);
            events.publish(AlertChanged.Change.RAISED, oldId, AlertReconciler.SYSTEM, explanation);
            return;
        }
        alerts.insert(new StoredAlert(id, school.id(), "", Regel.DATA_STALE.name(), "", start, null, null, null,
                lastSuccess == null ? null : lastSuccess.atZone(ClockConfig.AMSTERDAM).toLocalDate(), null,
                AlertStatus.OPEN, true, false, null, null, explanation, now, now, null));
        alerts.history(id, now, AlertReconciler.SYSTEM, "RAISED", null, AlertStatus.OPEN, explanation);
        events.publish(AlertChanged.Change.RAISED, id, AlertReconciler.SYSTEM, explanation);
    }


    /** Times in messages: local, to the minute. */
    static final class ApiTimeText {
        static String of(Instant instant) {
            return instant == null ? "nooit" : instant.atZone(ClockConfig.AMSTERDAM).toLocalDateTime()
                    .withSecond(0).withNano(0).toString().replace('T', ' ');
        }
    }
}
