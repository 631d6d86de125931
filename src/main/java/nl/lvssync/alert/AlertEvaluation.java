package nl.lvssync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import nl.lvssync.school.HolidaysImported;
import nl.lvssync.school.ImportedHolidays;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.RuleInputs;
import nl.lvssync.sync.SyncRunFinished;
import nl.lvssync.verzuim.Bevinding;
import nl.lvssync.verzuim.VerzuimBeleid;
import nl.lvssync.verzuim.VerzuimRegels;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the verzuim rules over the records we keep: after a sync only for the students whose records changed
 * (and for everyone when the school's calendar, code table or rules changed), on request for all of them.
 * Synchronous after a run: a run is over when its records are evaluated ({@code sync --once} prints the alerts).
 */
@Service
public class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);
    /**
     * Students read and reconciled together: four queries read a chunk, two or three more its alerts, one transaction
     * writes them; the chunk's records are the most held at once.
     */
    private static final int CHUNK = 200;

    private final SchoolDirectory schools;
    private final RuleInputs inputs;
    private final AlertReconciler reconciler;
    private final SchoolRulesConfig rulesConfig;
    private final DataStaleness staleness;
    private final AlertEscalation escalation;
    private final VerzuimRegels regels = new VerzuimRegels();
    private final ImportedHolidays importedHolidays;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    AlertEvaluation(SchoolDirectory schools, RuleInputs inputs, AlertReconciler reconciler,
                    SchoolRulesConfig rulesConfig, DataStaleness staleness, AlertEscalation escalation,
                    ImportedHolidays importedHolidays, TransactionTemplate tx, Clock clock) {
        this.importedHolidays = importedHolidays;
        this.schools = schools;
        this.inputs = inputs;
        this.reconciler = reconciler;
        this.rulesConfig = rulesConfig;
        this.staleness = staleness;
        this.escalation = escalation;
        this.tx = tx;
        this.clock = clock;
    }

    /** After every sync run: evaluates what changed, whatever the run's status. */
    @EventListener
    void afterSync(SyncRunFinished finished) {
        try {
            evaluate(finished.run().school(), false);
        } catch (RuntimeException e) {
            // the run's records are stored and its students stay marked: the next evaluation picks them up
            log.error("School {}: rules could not be evaluated after sync run {}", finished.run().school(),
                    finished.run().id(), e);
        }
    }

    /** The calendar changed: the rules see it at once (SchoolRulesConfig notices and re-evaluates everyone). */
    @EventListener
    void afterHolidayImport(HolidaysImported imported) {
        schools.all().forEach(s -> evaluate(s.id(), false));
    }

    /** @param all re-evaluate every student of the school, not only those whose records changed */
    public Result evaluate(String schoolId, boolean all) {
        School school = schools.require(schoolId);
        ReentrantLock lock = locks.computeIfAbsent(schoolId, s -> new ReentrantLock());
        lock.lock();
        try {
            long t0 = System.nanoTime();
            LocalDate today = LocalDate.now(clock);
            boolean stale = staleness.check(school);
            boolean changedConfig = rulesConfig.changed(school);
            // a changed configuration has marked everyone already
            if (all && !changedConfig) {
                inputs.markAllForEvaluation(schoolId);
            }
            LocalDate horizon = SchoolKalender.schooljaarStart(today);
            // lessons and absences from 12 weeks before the school year, so MAZL's 12 lesweken and an LRV episode that
            // started before the summer are seen; alerts are reconciled only from the school-year start on
            LocalDate from = horizon.minusWeeks(12);
            Tally tally = new Tally();
            // after a night without changes nobody is marked: the school's lesson days and alerts are not read at all
            if (inputs.anyMarked(schoolId)) {
                evaluateMarked(school, from, horizon, today, stale, tally);
            }
            AlertReconciler.Outcome total = tally.outcome;
            int failed = tally.failed;
            int seen = tally.seen;
            int escalated = escalation.escalateDue(schoolId);
            Result result = new Result(schoolId, seen - failed, failed, total.raised(), total.updated(),
                    total.withdrawn(), escalated, stale);
            log.info("School {}: rules evaluated for {} student(s) in {} ms: {} raised, {} updated, {} withdrawn, {} escalated{}{}",
                    schoolId, result.students(), Duration.ofNanos(System.nanoTime() - t0).toMillis(), result.raised(),
                    result.updated(), result.withdrawn(), escalated, failed > 0 ? ", " + failed + " failed" : "",
                    stale ? " (data stale: alerts marked incomplete)" : "");
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The marked students, a chunk at a time: read, evaluated and their alerts reconciled. */
    private void evaluateMarked(School school, LocalDate from, LocalDate horizon, LocalDate today, boolean stale,
                                Tally tally) {
        String schoolId = school.id();
        RuleInputs.SchoolLesdagen lesdagen = inputs.lesdagen(schoolId, from);
        SchoolKalender kalender = kalender(school, lesdagen.school());
        VerzuimBeleid beleid = VerzuimBeleid.from(school.unit(), school.rules());
        // read once under the school's lock: only the reconciler (holding the same lock) adds these alerts
        Set<String> withAlerts = reconciler.studentsWithAlerts(schoolId);
        inputs.forEachMarkedChunk(schoolId, from, CHUNK, lesdagen, chunk -> {
            Map<String, List<Bevinding>> toReconcile = new LinkedHashMap<>();
            for (RuleInputs.StudentRecords records : chunk) {
                tally.seen++;
                String student = records.leerling().lvsId();
                try {
                    List<Bevinding> findings = regels.evaluate(records.leerling(), records.lessen(), records.lesdagen(),
                            records.absenties(), kalender, beleid, today);
                    // nothing found and nothing held: reconciling would read the student's alerts and change nothing
                    if (withAlerts.contains(student) || findings.stream().anyMatch(f -> !f.startDatum().isBefore(horizon))) {
                        toReconcile.put(student, findings);
                    }
                } catch (RuntimeException e) {
                    tally.failed(schoolId, student, e);
                }
            }
            reconcile(school, toReconcile, horizon, stale, tally);
        });
    }

    /**
     * A chunk's alerts in one transaction. Should it fail, each student is reconciled on their own, so one student's
     * bad data never stops the others: only that student is marked again and tried next time.
     */
    private void reconcile(School school, Map<String, List<Bevinding>> byStudent, LocalDate horizon, boolean stale,
                           Tally tally) {
        try {
            tally.add(tx.execute(status -> reconciler.reconcile(school.id(), byStudent, horizon, stale)));
            return;
        } catch (RuntimeException e) {
            if (byStudent.size() == 1) {
                tally.failed(school.id(), byStudent.keySet().iterator().next(), e);
                return;
            }
            log.warn("School {}: the alerts of {} student(s) could not be written together ({}); trying each on their own",
                    school.id(), byStudent.size(), e.toString());
        }
        byStudent.forEach((student, findings) -> {
            try {
                tally.add(tx.execute(status -> reconciler.reconcile(school.id(), Map.of(student, findings), horizon, stale)));
            } catch (RuntimeException e) {
                tally.failed(school.id(), student, e);
            }
        });
    }

    /** What one evaluation did, counted as its chunks go by. */
    private final class Tally {
        private int seen;
        private int failed;
        private AlertReconciler.Outcome outcome = new AlertReconciler.Outcome(0, 0, 0);

        void add(AlertReconciler.Outcome o) {
            outcome = outcome.plus(o);
        }

        /** One student's bad data never stops the others; the student is marked again and tried next time. */
        void failed(String school, String student, RuntimeException e) {
            failed++;
            inputs.markForEvaluation(school, student);
            log.error("School {}: rules for student {} could not be evaluated", school, student, e);
        }
    }

    /** The school's calendar as the rules read it: holidays, days off and the days it had lessons since the horizon. */
    SchoolKalender kalender(School school, LocalDate horizon) {
        return kalender(school, inputs.geplandeLesdagen(school.id(), horizon.minusWeeks(12)));
    }

    private SchoolKalender kalender(School school, Set<LocalDate> geplandeLesdagen) {
        return SchoolKalender.voorRegio(school.region(), importedHolidays.forRegion(school.region()), eigenVrijeDagen(school),
                geplandeLesdagen);
    }

    private static List<Schoolvakantie> eigenVrijeDagen(School school) {
        return school.holidays().stream().map(h -> new Schoolvakantie(h.name(), h.from(), h.to())).toList();
    }


    public record Result(String school, int students, int failed, int raised, int updated, int withdrawn, int escalated,
                         boolean stale) {
    }
}
