package nl.lvssync.sync;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code sync --once [--school ID]}: one sync of all (or one) schools through the same route as the
 * schedule, a summary on stdout, and the contract's exit code.
 */
@Component
public class SyncOnceCommand {

    public static final int OK = 0;
    public static final int SCHOOL_FAILED = 1;
    public static final int BAD_CONFIGURATION = 2;

    private final SchoolDirectory schools;
    private final SyncService sync;
    private final ProducerTemplate camel;
    private final List<AfterSyncOnce> afterwards;

    public SyncOnceCommand(SchoolDirectory schools, SyncService sync, ProducerTemplate camel, List<AfterSyncOnce> afterwards) {
        this.schools = schools;
        this.sync = sync;
        this.camel = camel;
        this.afterwards = afterwards;
    }

    /** Something the one-off command must finish before the process exits (sending what is due). */
    public interface AfterSyncOnce {
        String afterSyncOnce();
    }

    public int run(String schoolId, PrintStream out) {
        List<School> targets = new ArrayList<>();
        if (schoolId != null) {
            if (schools.find(schoolId).isEmpty()) {
                out.println("lvs-sync: no school with id '" + schoolId + "' is configured (lvs-sync.schools)");
                return BAD_CONFIGURATION;
            }
            targets.add(schools.require(schoolId));
        } else {
            targets.addAll(schools.all());
        }
        if (targets.isEmpty()) {
            out.println("lvs-sync: no schools are configured (lvs-sync.schools)");
            return BAD_CONFIGURATION;
        }
        int exit = OK;
        for (School school : targets) {
            SyncRun run = camel.requestBody(SyncEndpoints.RUN, sync.start(school.id(), "CLI").id(), SyncRun.class);
            SyncRun.Counts c = run.counts();
            out.printf("%-10s %-9s students=%d lessons=%d absences=%d quarantined=%d created=%d updated=%d deleted=%d%s%n",
                    run.school(), run.status(), c.students(), c.lessons(), c.absences(), c.quarantined(), c.created(),
                    c.updated(), c.deleted(), run.error() == null ? "" : "  error: " + run.error());
            if (run.status() == SyncStatus.FAILED) {
                exit = SCHOOL_FAILED;
            }
        }
        for (AfterSyncOnce step : afterwards) {
            out.println(step.afterSyncOnce());
        }
        return exit;
    }
}
