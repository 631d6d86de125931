package nl.lvssync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.lvs.LvsRequestException;
import nl.lvssync.lvs.LvsUnavailableException;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs one school's sync: picks the window, lets the school's connector read into the record store, and
 * records the run. One school's failure is recorded on its own run and never touches another school.
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final SchoolDirectory schools;
    private final LvsConnectors connectors;
    private final LvsRecordStore store;
    private final SyncRunRepository runs;
    private final SyncMetrics metrics;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Long> syncing = new ConcurrentHashMap<>();

    public SyncService(SchoolDirectory schools, LvsConnectors connectors, LvsRecordStore store,
                       SyncRunRepository runs, SyncMetrics metrics, JdbcClient jdbc, Clock clock,
                       ApplicationEventPublisher events) {
        this.schools = schools;
        this.connectors = connectors;
        this.store = store;
        this.runs = runs;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Records a new RUNNING run for the school; 409-style refusal if the school is already syncing. */
    public SyncRun start(String schoolId, String trigger) {
        School school = schools.require(schoolId);
        synchronized (syncing) {
            Long current = syncing.get(school.id());
            if (current != null) {
                throw new SchoolAlreadySyncingException(school.id(), current);
            }
            long id = runs.create(school.id(), trigger, clock.instant());
            syncing.put(school.id(), id);
            return runs.find(id).orElseThrow();
        }
    }

    public boolean isSyncing(String schoolId) {
        return syncing.containsKey(schoolId);
    }

    /** Executes a started run to its end; never throws for an LVS fault, the run records it. */
    public SyncRun execute(long runId) {
        try {
            return executeStarted(runId);
        } finally {
            // whatever happened (even before the run could be read), it holds its school no longer
            syncing.values().removeIf(id -> id == runId);
        }
    }

    private SyncRun executeStarted(long runId) {
        SyncRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no sync run " + runId));
        School school = schools.require(run.school());
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        SyncCounts counts = new SyncCounts();
        SyncStatus status;
        String error = null;
        try {
            boolean full = !Boolean.TRUE.equals(jdbc.sql("SELECT full_sync_done FROM school WHERE id = ?")
                    .param(school.id()).query(Boolean.class).single());
            SyncWindow window = SyncWindows.of(school, LocalDate.now(clock), full);
            runs.window(runId, window);
            log.info("Sync run {} of school {} started: {} window {}..{}", runId, school.id(),
                    full ? "full school-year" : "sliding", window.from(), window.to());
            connectors.forSchool(school).sync(school, window, new RunSink(school.id(), runId, counts));
            store.deactivateUnseen(school.id(), runId);
            status = counts.quarantined() > 0 || counts.failedStudents() > 0 ? SyncStatus.PARTIAL : SyncStatus.SUCCEEDED;
            if (counts.failedStudents() > 0) {
                error = counts.failedStudents() + " student(s) could not be read: " + String.join("; ", counts.problems());
            }
            jdbc.sql("UPDATE school SET last_sync_at = ?, last_success_at = ?, full_sync_done = TRUE WHERE id = ?")
                    .params(java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()), school.id())
                    .update();
        } catch (LvsUnavailableException | LvsRequestException e) {
            status = SyncStatus.FAILED;
            error = "LVS of school " + school.id() + " could not be read: " + e.getMessage();
            markAttempt(school.id());
        } catch (RuntimeException e) {
            status = SyncStatus.FAILED;
            error = "sync of school " + school.id() + " failed: " + e;
            log.error("Sync run {} of school {} failed unexpectedly", runId, school.id(), e);
            markAttempt(school.id());
        } finally {
            syncing.remove(school.id(), runId);
        }
        runs.finish(runId, status, counts, error, clock.instant());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        metrics.finished(school.id(), status, counts, took);
        if (status == SyncStatus.FAILED) {
            log.warn("Sync run {} of school {} FAILED after {} ms: {}", runId, school.id(), took.toMillis(), error);
        } else {
            log.info("Sync run {} of school {} {} in {} ms: {} students, {} lessons, {} absences, {} quarantined,"
                            + " {} created, {} updated, {} deleted", runId, school.id(), status, took.toMillis(),
                    counts.students(), counts.lessons(), counts.absences(), counts.quarantined(), counts.created(),
                    counts.updated(), counts.deleted());
        }
        SyncRun finished = runs.find(runId).orElseThrow();
        events.publishEvent(new SyncRunFinished(finished));
        return finished;
    }

    private void markAttempt(String school) {
        jdbc.sql("UPDATE school SET last_sync_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), school).update();
    }

    /**
     * A started run the routes never took: recorded as FAILED with the reason, and the school free again at once.
     */
    void abandon(long runId, String reason) {
        try {
            runs.finish(runId, SyncStatus.FAILED, new SyncCounts(), reason, clock.instant());
        } finally {
            syncing.values().removeIf(id -> id == runId);
        }
    }

    /** Failed interrupted runs at start-up, so no run is shown RUNNING forever; runs of this process are left alone. */
    public int failInterruptedRuns() {
        synchronized (syncing) {
            return runs.failInterrupted(clock.instant(), java.util.Set.copyOf(syncing.values()));
        }
    }

    /** The store's view of one run, with counts. */
    private final class RunSink implements RecordSink {
        private final String school;
        private final long runId;
        private final SyncCounts counts;

        RunSink(String school, long runId, SyncCounts counts) {
            this.school = school;
            this.runId = runId;
            this.counts = counts;
        }

        @Override
        public void accept(StudentData data) {
            store.write(school, runId, data, counts);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            log.warn("School {}: quarantined {} {}: {}", school, record.recordType(), record.recordKey(), record.reason());
            store.quarantine(school, runId, record);
            counts.quarantined.incrementAndGet();
        }

        @Override
        public void studentFailed(String studentLvsId, String reason) {
            log.warn("School {}: student {} could not be read: {}", school, studentLvsId, reason);
            counts.failedStudents.incrementAndGet();
            counts.problem("student " + studentLvsId + ": " + reason);
        }
    }
}
