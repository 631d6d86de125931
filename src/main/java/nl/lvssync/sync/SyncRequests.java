package nl.lvssync.sync;

import java.util.ArrayList;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts runs on request (API, schedule, start-up) and hands them to the sync routes to execute. */
@Component
class SyncRequests {

    private static final Logger log = LoggerFactory.getLogger(SyncRequests.class);

    private final SyncService sync;
    private final SchoolDirectory schools;
    private final ProducerTemplate camel;

    SyncRequests(SyncService sync, SchoolDirectory schools, ProducerTemplate camel) {
        this.sync = sync;
        this.schools = schools;
        this.camel = camel;
    }

    /** Starts one school's run in the background; throws SchoolAlreadySyncingException when it is busy. */
    public SyncRun request(String schoolId, String trigger) {
        SyncRun run = sync.start(schoolId, trigger);
        camel.sendBody(SyncEndpoints.QUEUE, run.id());
        return run;
    }

    /** Starts every school that is not already syncing. */
    public List<SyncRun> requestAll(String trigger) {
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
}
