package nl.lvssync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a run re-reads from the LVS, both inclusive. Inside it the LVS is the truth: a record we hold
 * that the LVS no longer returns is marked deleted.
 */
public record SyncWindow(LocalDate from, LocalDate to, boolean full) {

    public SyncWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Splits the window into consecutive chunks of at most {@code days} days, for LVS calls of bounded size. */
    public List<SyncWindow> chunks(int days) {
        List<SyncWindow> chunks = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start.plusDays(Math.max(1, days) - 1L);
            if (end.isAfter(to)) {
                end = to;
            }
            chunks.add(new SyncWindow(start, end, full));
            start = end.plusDays(1);
        }
        return chunks;
    }
}
