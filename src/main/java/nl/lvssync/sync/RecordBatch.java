package nl.lvssync.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's deliveries gathered until about {@code batchSize} records, then written in one go. A student delivered again
 * (the next date chunk) first flushes what is pending, so a batch holds each student once and their chunks land in
 * order. Connectors may deliver from several threads.
 */
final class RecordBatch {

    private final LvsRecordStore store;
    private final String school;
    private final long runId;
    private final SyncCounts counts;
    private final int batchSize;
    private final List<StudentData> pending = new ArrayList<>();
    private final Set<String> students = new HashSet<>();
    private int records;

    RecordBatch(LvsRecordStore store, String school, long runId, SyncCounts counts, int batchSize) {
        this.store = store;
        this.school = school;
        this.runId = runId;
        this.counts = counts;
        this.batchSize = Math.max(1, batchSize);
    }

    synchronized void add(StudentData data) {
        if (students.contains(data.student().lvsId())) {
            flush();
        }
        pending.add(data);
        students.add(data.student().lvsId());
        // the progress bar moves with the deliveries, not a batch later (a set: the write counting again is harmless)
        counts.studentSeen(data.student().lvsId());
        records += 1 + data.enrolments().size() + data.lessons().size() + data.absences().size();
        if (records >= batchSize) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<StudentData> batch = List.copyOf(pending);
        pending.clear();
        students.clear();
        records = 0;
        store.write(school, runId, batch, counts);
    }
}
