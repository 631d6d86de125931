package nl.lvssync.alert;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Locale;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Alerts for coordinators (their own schools only) and administrators: list, explain, act, export the melding. */
@RestController
class AlertController {

    private final AlertRepository alerts;
    private final AlertActions actions;
    private final DuoMeldingen meldingen;
    private final CurrentUser user;

    AlertController(AlertRepository alerts, AlertActions actions, DuoMeldingen meldingen, CurrentUser user) {
        this.alerts = alerts;
        this.actions = actions;
        this.meldingen = meldingen;
        this.user = user;
    }

    /** One alert with the records behind it and everything that happened to it. */
    public record AlertDetail(@JsonUnwrapped AlertView alert, List<AlertRepository.AlertRecord> records,
                              List<AlertRepository.HistoryEntry> history) {
    }

    public record ActionRequest(String note) {
    }

    @GetMapping("/api/alerts")
    public List<AlertView> list(@RequestParam(required = false) String school, @RequestParam(required = false) String rule,
                                @RequestParam(required = false) String status, @RequestParam(required = false) String student,
                                @RequestParam(defaultValue = "500") int limit) {
        return alerts.list(user.schools(), school, upper(rule), upper(status), student, Math.max(1, Math.min(limit, 5000)));
    }

    @GetMapping("/api/alerts/{id}")
    public AlertDetail get(@PathVariable String id) {
        AlertView view = visible(id);
        return new AlertDetail(view, alerts.records(id), alerts.historyOf(id));
    }

    @PostMapping("/api/alerts/{id}/acknowledge")
    public AlertView acknowledge(@PathVariable String id, @RequestBody(required = false) ActionRequest body) {
        return act(id, AlertActions.Action.ACKNOWLEDGE, body);
    }

    @PostMapping("/api/alerts/{id}/reported")
    public AlertView reported(@PathVariable String id, @RequestBody(required = false) ActionRequest body) {
        return act(id, AlertActions.Action.REPORTED, body);
    }

    @PostMapping("/api/alerts/{id}/close")
    public AlertView close(@PathVariable String id, @RequestBody(required = false) ActionRequest body) {
        return act(id, AlertActions.Action.CLOSE, body);
    }

    @GetMapping(value = "/api/alerts/{id}/melding.csv", produces = "text/csv")
    public ResponseEntity<String> meldingCsv(@PathVariable String id) {
        DuoMelding melding = melding(id);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"melding-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(melding.csv());
    }

    @GetMapping(value = "/api/alerts/{id}/melding", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> meldingPage(@PathVariable String id) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(meldingen.printable(melding(id)));
    }

    private DuoMelding melding(String id) {
        visible(id);
        StoredAlert alert = alerts.find(id).orElseThrow();
        if (!List.of("LEGAL_16H", "LRV", "LUXE").contains(alert.rule())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, alert.rule() + " is not a melding to DUO");
        }
        return meldingen.build(alert, user.name());
    }

    private AlertView act(String id, AlertActions.Action action, ActionRequest body) {
        visible(id);
        StoredAlert alert = alerts.find(id).orElseThrow();
        try {
            actions.apply(alert, action, user.name(), body == null ? null : body.note());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return alerts.view(id).orElseThrow();
    }

    private AlertView visible(String id) {
        AlertView view = alerts.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
        user.requireSchool(view.school());
        return view;
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
