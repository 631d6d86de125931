package nl.lvssync.sync;

import nl.lvssync.LvsSyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up: close runs a previous process left open (before anything can start one), then (by default) sync every school once. */
@Component
public class SyncStartup {

    private static final Logger log = LoggerFactory.getLogger(SyncStartup.class);

    private final SyncService sync;
    private final SyncRequests requests;
    private final LvsSyncProperties properties;

    public SyncStartup(SyncService sync, SyncRequests requests, LvsSyncProperties properties) {
        this.sync = sync;
        this.requests = requests;
        this.properties = properties;
    }

    /** Before the web server and the routes start: a run a crash left RUNNING is closed, and its school can sync. */
    @jakarta.annotation.PostConstruct
    public void closeInterruptedRuns() {
        int interrupted = sync.failInterruptedRuns();
        if (interrupted > 0) {
            log.warn("{} sync run(s) were interrupted by the last shutdown and are marked FAILED", interrupted);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (properties.sync().runAtStartup()) {
            log.info("Starting the first sync of {} school(s)", requests.requestAll("STARTUP").size());
        }
    }
}
