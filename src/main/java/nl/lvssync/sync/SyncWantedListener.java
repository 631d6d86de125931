package nl.lvssync.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the run a connector asked for; a school that is syncing already, or routes not ready, leave it for later. */
@Component
class SyncWantedListener {

    private static final Logger log = LoggerFactory.getLogger(SyncWantedListener.class);

    private final SyncRequests requests;

    SyncWantedListener(SyncRequests requests) {
        this.requests = requests;
    }

    @EventListener
    void on(SyncWanted wanted) {
        try {
            requests.request(wanted.school(), wanted.trigger());
        } catch (SchoolAlreadySyncingException e) {
            log.debug("School {} is syncing; its new data waits for the next run", wanted.school());
        } catch (RuntimeException e) {
            log.warn("School {}: no run could be started now ({}); its new data waits for the next run",
                    wanted.school(), e.getMessage());
        }
    }
}
