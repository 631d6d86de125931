package nl.lvssync.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.time.ApiTime;
import nl.lvssync.web.NotReadyFilter;
import nl.lvssync.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sync runs: start one now, list recent ones, show one. */
@RestController
@RequestMapping("/api/sync-runs")
class SyncRunController {

    private final SyncRequests requests;
    private final SyncRunRepository runs;
    private final SchoolDirectory schools;

    SyncRunController(SyncRequests requests, SyncRunRepository runs, SchoolDirectory schools) {
        this.requests = requests;
        this.runs = runs;
        this.schools = schools;
    }

    public record StartRequest(String school) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest body) {
        String school = body == null ? null : body.school();
        if (school != null && !school.isBlank()) {
            if (schools.find(school).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no school with id '" + school + "'");
            }
            SyncRun run = requests.request(school, "API");
            return ResponseEntity.accepted().body(Map.of("id", run.id(), "status", run.status(), "school", run.school()));
        }
        List<SyncRun> started = requests.requestAll("API");
        if (started.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "every school is already syncing");
        }
        return ResponseEntity.accepted().body(Map.of("id", started.get(0).id(), "status", started.get(0).status(),
                "runs", started.stream().map(r -> Map.of("id", r.id(), "school", r.school(), "status", r.status())).toList()));
    }

    @GetMapping
    public List<SyncRunView> recent(@RequestParam(required = false) String school,
                                    @RequestParam(defaultValue = "50") int limit) {
        return runs.recent(school, nl.lvssync.web.ApiParams.limit(limit, 1000)).stream().map(SyncRunView::of).toList();
    }

    @GetMapping("/{id}")
    public SyncRunView one(@PathVariable long id) {
        return runs.find(id).map(SyncRunView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no sync run " + id));
    }

    @ExceptionHandler(ServiceNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(ServiceNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(NotReadyFilter.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(SchoolAlreadySyncingException.class)
    ResponseEntity<ProblemDetail> alreadySyncing(SchoolAlreadySyncingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.of(HttpStatus.CONFLICT, e.getMessage()));
    }

    /** The contract's shape of a run (its fields always there, finishedAt and error null until they are known), plus what it changed. */
    public record SyncRunView(long id, String school, String status, String trigger, OffsetDateTime startedAt,
                              @JsonInclude(JsonInclude.Include.ALWAYS) OffsetDateTime finishedAt,
                              Map<String, Integer> counts, Map<String, Integer> changes,
                              LocalDate windowFrom, LocalDate windowTo, @JsonInclude(JsonInclude.Include.ALWAYS) String error) {
        static SyncRunView of(SyncRun r) {
            SyncRun.Counts c = r.counts();
            return new SyncRunView(r.id(), r.school(), r.status().name(), r.trigger(), ApiTime.of(r.startedAt()),
                    ApiTime.of(r.finishedAt()),
                    Map.of("students", c.students(), "lessons", c.lessons(), "absences", c.absences(),
                            "quarantined", c.quarantined()),
                    Map.of("created", c.created(), "updated", c.updated(), "deleted", c.deleted()),
                    r.windowFrom(), r.windowTo(), r.error());
        }
    }
}
