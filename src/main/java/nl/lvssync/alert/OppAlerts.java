package nl.lvssync.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import nl.lvssync.opp.OppBevinding;
import nl.lvssync.opp.OppBewaking;
import nl.lvssync.opp.OppExports;
import nl.lvssync.opp.OppLeerling;
import nl.lvssync.opp.OppPlansImported;
import nl.lvssync.opp.OppRegel;
import nl.lvssync.school.HolidaysImported;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.SyncRunFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OPP rules' alerts (OPP_DUE, OPP_OVERDUE, OPP_EVALUATION_DUE, OPP_INCOMPLETE) through the same lifecycle,
 * notifications and API as the verzuim alerts: one alert per rule, student and start date however often it runs.
 * Deadlines pass with time, not only with new data, so every relevant student of a school is judged: after each sync,
 * after an OPP export, daily (routes/alerts.camel.yaml) and on {@code POST /api/schools/{id}/evaluate}.
 *
 * <p>An alert the rules no longer find is over, not wrong: it is CLOSED with the reason in its history (the plan was
 * set, evaluated or completed, the student left) and comes back only if the rules find it again after they closed it
 * themselves; one a coordinator closed stays closed. OPP_OVERDUE is overdue from the start; OPP_EVALUATION_DUE
 * escalates when its deadline passes, as a melding does (or is overdue from the start when first seen after it);
 * OPP_DUE does not: OPP_OVERDUE takes over from it.
 */
@Component
public class OppAlerts {

    static final List<String> RULES = java.util.Arrays.stream(OppRegel.values()).map(Enum::name).toList();
    private static final Logger log = LoggerFactory.getLogger(OppAlerts.class);

    private final SchoolDirectory schools;
    private final OppBewaking bewaking;
    private final OppExports exports;
    private final AlertRepository alerts;
    private final AlertEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    OppAlerts(SchoolDirectory schools, OppBewaking bewaking, OppExports exports, AlertRepository alerts, AlertEvents events,
              TransactionTemplate tx, Clock clock) {
        this.schools = schools;
        this.bewaking = bewaking;
        this.exports = exports;
        this.alerts = alerts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** What one evaluation changed. */
    public record Outcome(String school, int students, int raised, int updated, int closed) {
    }

    @EventListener
    void afterSync(SyncRunFinished finished) {
        String school = finished.run().school();
        try {
            exports.awaitTakenIn(school);
            evaluate(school);
        } catch (RuntimeException e) {
            log.error("School {}: OPP rules could not be evaluated after sync run {}", school, finished.run().id(), e);
        }
    }

    @EventListener
    void afterOppExport(OppPlansImported imported) {
        evaluate(imported.school());
    }

    /** Holidays count when a school configures that they extend the deadline. */
    @EventListener
    void afterHolidayImport(HolidaysImported imported) {
        evaluateAll();
    }

    /** The daily route: every school. @return the alerts raised */
    public int evaluateAll() {
        int raised = 0;
        for (School school : schools.all()) {
            try {
                raised += evaluate(school.id()).raised();
            } catch (RuntimeException e) {
                log.error("School {}: OPP rules could not be evaluated", school.id(), e);
            }
        }
        return raised;
    }

    public Outcome evaluate(String school) {
        ReentrantLock lock = locks.computeIfAbsent(school, s -> new ReentrantLock());
        lock.lock();
        try {
            Map<String, OppLeerling> judged = new LinkedHashMap<>();
            bewaking.school(school).forEach(l -> judged.put(l.lvsId(), l));
            Map<String, List<StoredAlert>> live = new HashMap<>();
            for (String rule : RULES) {
                alerts.live(school, rule).forEach(a -> live.computeIfAbsent(a.studentLvsId(), s -> new ArrayList<>()).add(a));
            }
            Set<String> students = new LinkedHashSet<>();
            judged.forEach((id, l) -> {
                if (!l.beoordeling().bevindingen().isEmpty()) {
                    students.add(id);
                }
            });
            students.addAll(live.keySet());
            int[] counts = new int[3];
            for (String student : students) {
                int[] c = tx.execute(status -> reconcile(school, student, judged.get(student)));
                for (int i = 0; i < 3; i++) {
                    counts[i] += c[i];
                }
            }
            if (counts[0] + counts[1] + counts[2] > 0) {
                log.info("School {}: OPP rules: {} raised, {} updated, {} closed", school, counts[0], counts[1], counts[2]);
            }
            return new Outcome(school, judged.size(), counts[0], counts[1], counts[2]);
        } finally {
            lock.unlock();
        }
    }

    /** @return raised, updated, closed */
    private int[] reconcile(String school, String student, OppLeerling judged) {
        Instant now = clock.instant();
        List<OppBevinding> findings = judged == null ? List.of() : judged.beoordeling().bevindingen();
        Map<String, StoredAlert> existing = alerts.forStudent(school, student, RULES, LocalDate.of(1900, 1, 1)).stream()
                .collect(Collectors.toMap(StoredAlert::key, a -> a, (a, b) -> a, LinkedHashMap::new));
        int raised = 0;
        int updated = 0;
        int closed = 0;
        for (OppBevinding f : findings) {
            StoredAlert old = existing.remove(StoredAlert.key(f.regel().name(), "", f.startDatum()));
            if (old == null) {
                StoredAlert a = new StoredAlert(UUID.randomUUID().toString(), school, student, f.regel().name(), "",
                        f.startDatum(), null, null, f.deadline(), null, null, AlertStatus.OPEN, false, false, null, null,
                        f.toelichting(), now, now, overdueFromTheStart(f) ? now : null);
                alerts.insert(a);
                alerts.history(a.id(), now, AlertReconciler.SYSTEM, "RAISED", null, AlertStatus.OPEN, f.toelichting());
                events.publish(AlertChanged.Change.RAISED, a.id(), AlertReconciler.SYSTEM, null);
                raised++;
            } else if (!old.status().isLive()) {
                if (closedByRules(old)) {
                    alerts.update(with(old, f, AlertStatus.OPEN, now));
                    alerts.history(old.id(), now, AlertReconciler.SYSTEM, "REINSTATED", old.status(), AlertStatus.OPEN,
                            f.toelichting());
                    events.publish(AlertChanged.Change.RAISED, old.id(), AlertReconciler.SYSTEM, null);
                    raised++;
                }
            } else if (!Objects.equals(old.deadline(), f.deadline()) || !Objects.equals(old.explanation(), f.toelichting())) {
                alerts.update(with(old, f, old.status(), now));
                alerts.history(old.id(), now, AlertReconciler.SYSTEM, "REEVALUATED", old.status(), old.status(),
                        "was: " + old.explanation() + "; now: " + f.toelichting());
                updated++;
            }
        }
        for (StoredAlert gone : existing.values()) {
            if (!gone.status().isLive()) {
                continue;
            }
            String reason = judged == null ? "De leerling heeft volgens het LVS geen OPP (meer) nodig."
                    : judged.beoordeling().afsluiting(OppRegel.valueOf(gone.rule()), judged.huidig());
            alerts.changeStatus(gone.id(), gone.status(), AlertStatus.CLOSED, now);
            alerts.history(gone.id(), now, AlertReconciler.SYSTEM, "RESOLVED", gone.status(), AlertStatus.CLOSED, reason);
            closed++;
        }
        return new int[] {raised, updated, closed};
    }

    /**
     * OPP_OVERDUE, and an evaluation first seen after its deadline, are overdue when raised: one notification says so,
     * not a second one an hour later.
     */
    private boolean overdueFromTheStart(OppBevinding f) {
        return f.regel() == OppRegel.OPP_OVERDUE || f.deadline() != null && f.deadline().isBefore(LocalDate.now(clock));
    }

    private boolean closedByRules(StoredAlert alert) {
        List<AlertRepository.HistoryEntry> history = alerts.historyOf(alert.id());
        AlertRepository.HistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
        return last != null && AlertReconciler.SYSTEM.equals(last.actor()) && "RESOLVED".equals(last.action());
    }

    private static StoredAlert with(StoredAlert old, OppBevinding f, AlertStatus status, Instant now) {
        // a deadline moved into the future un-escalates; OPP_OVERDUE stays overdue
        Instant escalated = f.regel() == OppRegel.OPP_OVERDUE ? (old.escalatedAt() != null ? old.escalatedAt() : now)
                : Objects.equals(old.deadline(), f.deadline()) ? old.escalatedAt() : null;
        return new StoredAlert(old.id(), old.schoolId(), old.studentLvsId(), old.rule(), old.signal(), old.startDate(), null,
                null, f.deadline(), null, null, status, old.incomplete(), false, null, null, f.toelichting(), old.createdAt(),
                now, escalated);
    }
}
