package nl.lvssync.notification;

import nl.lvssync.sync.SyncRunFinished;
import nl.lvssync.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A FAILED sync run tells the administrators (and coordinators' webhooks), at most once per school per day. */
@Component
class SyncFailureNotifier {

    private static final Logger log = LoggerFactory.getLogger(SyncFailureNotifier.class);

    private final NotificationOutbox outbox;
    private final TransactionTemplate ownTransaction;

    SyncFailureNotifier(NotificationOutbox outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(SyncRunFinished finished) {
        if (finished.run().status() != SyncStatus.FAILED) {
            return;
        }
        String error = finished.run().error();
        try {
            ownTransaction.executeWithoutResult(tx -> outbox.enqueue(new NotificationEvent(NotificationEvent.SYNC_FAILED,
                    finished.run().school(), null, "system", null,
                    error == null ? null : error.length() > 1000 ? error.substring(0, 1000) + "…" : error)));
        } catch (RuntimeException e) {
            // the run is recorded either way; losing this mail must not turn into a second failure
            log.error("Could not queue the sync-failure notification for school {}", finished.run().school(), e);
        }
    }
}
