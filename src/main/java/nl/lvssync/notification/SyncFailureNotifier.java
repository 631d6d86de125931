package nl.lvssync.notification;

import nl.lvssync.sync.SyncRunFinished;
import nl.lvssync.sync.SyncStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A FAILED sync run tells the administrators (and coordinators' webhooks), at most once per school per day. In a
 * transaction of its own, after the run's end is recorded: the run stands whether or not this succeeds. Before the
 * rules look at the run, so the failure is the first thing told.
 */
@Component
class SyncFailureNotifier {

    private final NotificationOutbox outbox;

    SyncFailureNotifier(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @Order(0)
    void on(SyncRunFinished finished) {
        if (finished.run().status() != SyncStatus.FAILED) {
            return;
        }
        String error = finished.run().error();
        outbox.enqueue(new NotificationEvent(NotificationEvent.SYNC_FAILED, finished.run().school(), null, "system", null,
                error == null ? null : error.length() > 1000 ? error.substring(0, 1000) + "…" : error));
    }
}
