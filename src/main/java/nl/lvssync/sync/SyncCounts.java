package nl.lvssync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What one run read and changed; safe to update from several threads. */
public final class SyncCounts {
    private final java.util.Set<String> students = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger lessons = new AtomicInteger();
    final AtomicInteger absences = new AtomicInteger();
    final AtomicInteger quarantined = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger failedStudents = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    void problem(String message) {
        if (problems.size() < 5) {
            problems.add(message);
        }
    }

    /** A connector that reads in date chunks hands a student over once per chunk: each student counts once. */
    void studentSeen(String lvsId) {
        students.add(lvsId);
    }

    public int students() {
        return students.size();
    }

    public int lessons() {
        return lessons.get();
    }

    public int absences() {
        return absences.get();
    }

    public int quarantined() {
        return quarantined.get();
    }

    public int created() {
        return created.get();
    }

    public int updated() {
        return updated.get();
    }

    public int deleted() {
        return deleted.get();
    }

    public int failedStudents() {
        return failedStudents.get();
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
