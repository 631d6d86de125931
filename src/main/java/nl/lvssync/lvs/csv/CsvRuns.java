package nl.lvssync.lvs.csv;

import nl.lvssync.school.Lvs;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.SyncRunFinished;
import nl.lvssync.sync.SyncStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An export that arrived while its school was syncing waits for the run after: when a CSV school's run ends and
 * exports still wait, the next one is asked for (not after a failed run, which would only fail again).
 */
@Component
class CsvRuns {

    private final SchoolDirectory schools;
    private final CsvExports exports;
    private final CsvInbox inbox;

    CsvRuns(SchoolDirectory schools, CsvExports exports, CsvInbox inbox) {
        this.schools = schools;
        this.exports = exports;
        this.inbox = inbox;
    }

    @EventListener
    void onRunFinished(SyncRunFinished finished) {
        schools.find(finished.run().school())
                .filter(s -> s.kind() == Lvs.CSV && finished.run().status() != SyncStatus.FAILED)
                .filter(s -> !exports.pending(s.id()).isEmpty())
                .ifPresent(inbox::requestRun);
    }
}
