package nl.lvssync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.school.SchoolRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final QuarantineRepository quarantine;
    private final SyncRunRepository runs;
    private final SyncMetrics metrics;
    private final SchoolRepository schoolRepository;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SyncProperties properties;
    private final Map<String, Long> syncing = new ConcurrentHashMap<>();
    private final Map<Long, RunSink> live = new ConcurrentHashMap<>();

    /** A running run's progress: students delivered so far, of the total once the connector knows it (else null). */
    public record Progress(long runId, String school, int done, Integer total) {
    }

    /** The progress of a run still executing in this process. */
    public java.util.Optional<Progress> progress(long runId) {
        RunSink sink = live.get(runId);
        return sink == null ? java.util.Optional.empty() : java.util.Optional.of(sink.progress());
    }

    SyncService(SchoolDirectory schools, LvsConnectors connectors, LvsRecordStore store, QuarantineRepository quarantine,
                SyncRunRepository runs, SyncMetrics metrics, SchoolRepository schoolRepository, Clock clock,
                ApplicationEventPublisher events, SyncProperties properties) {
        this.schools = schools;
        this.connectors = connectors;
        this.store = store;
        this.quarantine = quarantine;
        this.runs = runs;
        this.metrics = metrics;
        this.schoolRepository = schoolRepository;
        this.clock = clock;
        this.events = events;
        this.properties = properties;
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
            boolean full = !schoolRepository.fullSyncDone(school.id());
            SyncWindow window = SyncWindows.of(school, LocalDate.now(clock), full);
            runs.window(runId, window);
            log.info("Sync run {} of school {} started: {} window {}..{}", runId, school.id(),
                    full ? "full school-year" : "sliding", window.from(), window.to());
            RunSink sink = new RunSink(school.id(), runId, counts);
            live.put(runId, sink);
            try {
                connectors.forSchool(school).sync(school, window, sink);
            } catch (RuntimeException e) {
                // what was read before the LVS failed is as good as before batching: written, not lost
                try {
                    sink.flush();
                } catch (RuntimeException f) {
                    e.addSuppressed(f);
                }
                throw e;
            }
            sink.flush();
            store.deactivateUnseen(school.id(), runId);
            if (full) {
                store.afterFirstLoad();
            }
            status = counts.quarantined() > 0 || counts.failedStudents() > 0 ? SyncStatus.PARTIAL : SyncStatus.SUCCEEDED;
            if (counts.failedStudents() > 0) {
                error = counts.failedStudents() + " student(s) could not be read: " + String.join("; ", counts.problems());
            }
            schoolRepository.syncEnded(school.id(), clock.instant(), true);
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
            live.remove(runId);
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
        return runs.find(runId).orElseThrow();
    }

    /**
     * The last step of every run (the sync-run route): publishes {@link SyncRunFinished}, so the rules evaluate what
     * the run changed and a failure is told. The run is recorded either way: a listener's failure is logged, never
     * turned into a second failure of the run.
     */
    public SyncRun announce(SyncRun run) {
        try {
            events.publishEvent(new SyncRunFinished(run));
        } catch (RuntimeException e) {
            log.error("Sync run {} of school {}: a step after the run failed", run.id(), run.school(), e);
        }
        return run;
    }

    private void markAttempt(String school) {
        schoolRepository.syncEnded(school, clock.instant(), false);
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

    /**
     * Failed interrupted runs at start-up, so no run is shown RUNNING forever; runs of this process, and of schools this
     * instance does not sync, are left alone.
     */
    public int failInterruptedRuns() {
        synchronized (syncing) {
            return runs.failInterrupted(clock.instant(), java.util.Set.copyOf(syncing.values()),
                    schools.all().stream().map(School::id).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** The store's view of one run, with counts. */
    private final class RunSink implements RecordSink {
        private final String school;
        private final long runId;
        private final SyncCounts counts;
        private final RecordBatch batch;
        private volatile Integer expected;

        RunSink(String school, long runId, SyncCounts counts) {
            this.school = school;
            this.runId = runId;
            this.counts = counts;
            this.batch = new RecordBatch(store, school, runId, counts, properties.batchSize());
        }

        @Override
        public void expect(int students) {
            expected = students;
        }

        Progress progress() {
            return new Progress(runId, school, counts.students() + counts.failedStudents(), expected);
        }

        @Override
        public void accept(StudentData data) {
            batch.add(data);
        }

        @Override
        public void flush() {
            batch.flush();
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            log.warn("School {}: quarantined {} {}: {}", school, record.recordType(), record.recordKey(), record.reason());
            quarantine.record(school, runId, record);
            counts.quarantined.incrementAndGet();
            metrics.quarantined(school, record.recordType());
        }

        @Override
        public void studentFailed(String studentLvsId, String reason) {
            log.warn("School {}: student {} could not be read: {}", school, studentLvsId, reason);
            counts.failedStudents.incrementAndGet();
            counts.problem("student " + studentLvsId + ": " + reason);
        }
    }
}
