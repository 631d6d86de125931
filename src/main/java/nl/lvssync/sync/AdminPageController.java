package nl.lvssync.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's overview: every school with its last sync (status, when, counts, duration), a running sync
 * with its progress (the fragment {@code /beheer/scholen} that the page polls while a run is going), the sync
 * history, the circuit breakers, and a button to start a sync; and the quarantined records.
 */
@Controller
class AdminPageController {

    private static final Logger log = LoggerFactory.getLogger(AdminPageController.class);

    private final SchoolDirectory schools;
    private final SyncRunRepository runs;
    private final SyncService sync;
    private final SyncRequests requests;
    private final QuarantineRepository quarantine;
    private final CircuitBreakerRegistry breakers;
    private final CurrentUser user;

    AdminPageController(SchoolDirectory schools, SyncRunRepository runs, SyncService sync, SyncRequests requests,
                        QuarantineRepository quarantine, CircuitBreakerRegistry lvsCircuitBreakers, CurrentUser user) {
        this.schools = schools;
        this.runs = runs;
        this.sync = sync;
        this.requests = requests;
        this.quarantine = quarantine;
        this.breakers = lvsCircuitBreakers;
        this.user = user;
    }

    /** One school's line: its last run, last success, a run going now with its progress, the breaker's state. */
    public record SchoolLine(School school, SyncRun last, SyncRun lastSuccessful, SyncRun running,
                             SyncService.Progress progress, String breaker, Long durationSeconds) {
        public Integer percent() {
            return progress == null || progress.total() == null || progress.total() == 0 ? null
                    : Math.min(100, progress.done() * 100 / progress.total());
        }
    }

    @GetMapping("/beheer")
    String overview(Model model) {
        model.addAttribute("lines", lines());
        model.addAttribute("history", runs.recent(null, 30));
        return "sync/admin";
    }

    /** The schools table alone: polled every second while a run is going, then once more to show the result. */
    @GetMapping("/beheer/scholen")
    String schoolsFragment(Model model) {
        model.addAttribute("lines", lines());
        return "sync/admin :: schools";
    }

    @PostMapping("/beheer/sync")
    String start(@RequestParam(required = false) String school, RedirectAttributes flash) {
        try {
            if (school == null || school.isBlank()) {
                List<SyncRun> started = requests.requestAll("DASHBOARD");
                flash.addFlashAttribute("message", started.isEmpty() ? "Alle scholen synchroniseren al."
                        : "Synchronisatie gestart voor " + started.size() + " school/scholen.");
            } else {
                SyncRun run = requests.request(schools.require(school.strip()).id(), "DASHBOARD");
                flash.addFlashAttribute("message", "Synchronisatie van " + run.school() + " gestart (run " + run.id() + ").");
            }
            log.info("Sync of {} started from the dashboard by {}", school == null || school.isBlank() ? "every school" : school,
                    user.name());
        } catch (SchoolAlreadySyncingException e) {
            flash.addFlashAttribute("error", "Deze school synchroniseert al.");
        } catch (SchoolDirectory.UnknownSchoolException e) {
            flash.addFlashAttribute("error", "Onbekende school.");
        } catch (ServiceNotReadyException e) {
            flash.addFlashAttribute("error", "De dienst is nog niet gereed; probeer het over enkele seconden opnieuw.");
        }
        return "redirect:/beheer";
    }

    @GetMapping("/beheer/quarantaine")
    String quarantine(@RequestParam(required = false) String school, Model model) {
        model.addAttribute("records", quarantine.list(school == null || school.isBlank() ? null : school.strip(), 500));
        model.addAttribute("schools", sortedSchools());
        model.addAttribute("school", school);
        return "sync/quarantine";
    }

    private List<SchoolLine> lines() {
        List<SchoolLine> lines = new ArrayList<>();
        for (School s : sortedSchools()) {
            List<SyncRun> recent = runs.recent(s.id(), 1);
            SyncRun last = recent.isEmpty() ? null : recent.get(0);
            SyncRun running = last != null && last.status() == SyncStatus.RUNNING ? last : null;
            SyncRun lastDone = running == null ? last : runs.recent(s.id(), 5).stream()
                    .filter(r -> r.status() != SyncStatus.RUNNING).findFirst().orElse(null);
            Long seconds = lastDone == null || lastDone.finishedAt() == null || lastDone.startedAt() == null ? null
                    : Duration.between(lastDone.startedAt(), lastDone.finishedAt()).toSeconds();
            lines.add(new SchoolLine(s, lastDone, runs.lastSuccessful(s.id()).orElse(null), running,
                    running == null ? null : sync.progress(running.id()).orElse(null),
                    breakers.circuitBreaker("lvs-" + s.id()).getState().name(), seconds));
        }
        return lines;
    }

    private List<School> sortedSchools() {
        return schools.all().stream().sorted(Comparator.comparing(School::id)).toList();
    }
}
