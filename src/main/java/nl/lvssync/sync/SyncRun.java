package nl.lvssync.sync;

import java.time.Instant;
import java.time.LocalDate;

/** One sync of one school, as recorded for administrators. */
public record SyncRun(long id, String school, SyncStatus status, String trigger, LocalDate windowFrom,
                      LocalDate windowTo, Instant startedAt, Instant finishedAt, Counts counts, String error) {

    public record Counts(int students, int lessons, int absences, int quarantined, int created, int updated,
                         int deleted) {
    }
}
