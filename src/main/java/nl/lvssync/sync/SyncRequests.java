package nl.lvssync.sync;

import java.util.ArrayList;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts runs on request (API, schedule, start-up) and hands them to the sync routes to execute. */
@Component
public class SyncRequests {

    private static final Logger log = LoggerFactory.getLogger(SyncRequests.class);

    private final SyncService sync;
    private final SchoolDirectory schools;
    private final CamelContext camelContext;

    public SyncRequests(SyncService sync, SchoolDirectory schools, CamelContext camelContext) {
        this.sync = sync;
        this.schools = schools;
        this.camelContext = camelContext;
    }

    /**
     * Starts one school's run in the background; throws SchoolAlreadySyncingException when it is busy, and
     * ServiceNotReadyException while the routes cannot take it (starting, stopping): then no run and no lock remain.
     */
    public SyncRun request(String schoolId, String trigger) {
        requireRoutes();
        SyncRun run = sync.start(schoolId, trigger);
        // a template of this request's own: a shared one stays stopped once the routes were stopped and started again
        ProducerTemplate template = null;
        try {
            template = camelContext.createProducerTemplate();
            template.sendBody("seda:sync-runs", run.id());
        } catch (RuntimeException e) {
            sync.abandon(run.id(), "not started: the sync routes did not take it (" + e.getMessage() + ")");
            throw new ServiceNotReadyException("the sync of school " + schoolId + " could not be started now: "
                    + e.getMessage(), e);
        } finally {
            if (template != null) {
                template.stop();
            }
        }
        return run;
    }

    /** Starts every school that is not already syncing. */
    public List<SyncRun> requestAll(String trigger) {
        requireRoutes();
        List<SyncRun> started = new ArrayList<>();
        for (School school : schools.all()) {
            try {
                started.add(request(school.id(), trigger));
            } catch (SchoolAlreadySyncingException e) {
                log.info("{}; not started again", e.getMessage());
            }
        }
        return started;
    }

    /** For the schedule route: the new run's id, or null when the school is still busy with the last one. */
    public Long startScheduled(String schoolId) {
        try {
            return sync.start(schoolId, "SCHEDULE").id();
        } catch (SchoolAlreadySyncingException e) {
            log.warn("Scheduled sync skipped: {}", e.getMessage());
            return null;
        }
    }

    private void requireRoutes() {
        if (!camelContext.getStatus().isStarted()) {
            throw new ServiceNotReadyException("LVS Sync is not ready: its sync routes are "
                    + camelContext.getStatus().name().toLowerCase(java.util.Locale.ROOT) + "; try again in a few seconds", null);
        }
    }
}
