package nl.lvssync.alert;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.lvssync.audit.AuditLog;
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
    private final AuditLog audit;

    AlertController(AlertRepository alerts, AlertActions actions, DuoMeldingen meldingen, CurrentUser user, AuditLog audit) {
        this.alerts = alerts;
        this.actions = actions;
        this.meldingen = meldingen;
        this.user = user;
        this.audit = audit;
    }

    /** The rules an alert can have (service-contract.md). */
    static final Set<String> RULES = Set.of("LEGAL_16H", "LRV", "LUXE", "SIGNAL", "MAZL", "DATA_STALE", "OPP_DUE",
            "OPP_OVERDUE", "OPP_EVALUATION_DUE", "OPP_INCOMPLETE");

    /** One alert with the records behind it and everything that happened to it. */
    public record AlertDetail(@JsonUnwrapped AlertView alert, String meldingsnummer, List<AlertRepository.AlertRecord> records,
                              List<AlertRepository.HistoryEntry> history) {
    }

    /**
     * @param note   what the coordinator writes with the action
     * @param reason the same, by its name for close (either is taken)
     * @param meldingsnummer for reported: the number DUO's verzuimloket gave the melding
     */
    public record ActionRequest(String note, String reason, String meldingsnummer) {
        String text() {
            return reason != null && !reason.isBlank() ? reason : note;
        }
    }

    /** Each of school, rule and status takes one value or several, comma-separated or repeated. */
    @GetMapping("/api/alerts")
    public List<AlertView> list(@RequestParam(required = false) List<String> school,
                                @RequestParam(required = false) List<String> rule,
                                @RequestParam(required = false) List<String> status,
                                @RequestParam(required = false) String student,
                                @RequestParam(defaultValue = "500") int limit) {
        return alerts.list(user.schools(), values(school).stream().map(String::strip).toList(),
                values(rule).stream().map(AlertController::rule).toList(),
                values(status).stream().map(AlertController::status).toList(), student,
                nl.lvssync.web.ApiParams.limit(limit, 5000));
    }

    /** The values of a list parameter, blanks (status=, a trailing comma) left out. */
    private static List<String> values(List<String> parameter) {
        return parameter == null ? List.of() : parameter.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
    }

    @GetMapping("/api/alerts/{id}")
    public AlertDetail get(@PathVariable String id) {
        AlertView view = visible(id);
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.ALERT, id, view.school(), studentOf(view), "API");
        return new AlertDetail(view, alerts.meldingNummer(id).orElse(null), alerts.records(id), alerts.historyOf(id));
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
        audit.record(AuditLog.Action.DOWNLOAD, AuditLog.Subject.MELDING, id, melding.brin(), melding.stamnr(), "melding.csv");
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"melding-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(melding.csv());
    }

    @GetMapping(value = "/api/alerts/{id}/melding", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> meldingPage(@PathVariable String id) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(meldingen.printable(meldingViewed(id)));
    }

    private DuoMelding meldingViewed(String id) {
        DuoMelding melding = melding(id);
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.MELDING, id, melding.brin(), melding.stamnr(), "melding page");
        return melding;
    }

    private DuoMelding melding(String id) {
        visible(id);
        StoredAlert alert = alerts.find(id).orElseThrow();
        try {
            return meldingen.forAlert(alert, user.name());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private AlertView act(String id, AlertActions.Action action, ActionRequest body) {
        AlertView view = visible(id);
        StoredAlert alert = alerts.find(id).orElseThrow();
        try {
            actions.apply(alert, action, user.name(), body == null ? null : body.text(),
                    body == null ? null : body.meldingsnummer());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        audit.record(AuditLog.Action.CHANGE, AuditLog.Subject.ALERT, id, view.school(), studentOf(view), action.name());
        return alerts.view(id).orElseThrow();
    }

    static String studentOf(AlertView view) {
        return view.student() == null ? null : view.student().lvsId();
    }

    static String rule(String rule) {
        String r = upper(rule);
        if (r != null && !r.isEmpty() && !RULES.contains(r)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown rule '" + rule + "': one of "
                    + RULES.stream().sorted().toList());
        }
        return r == null || r.isEmpty() ? null : r;
    }

    static String status(String status) {
        String s = upper(status);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (Arrays.stream(AlertStatus.values()).noneMatch(v -> v.name().equals(s))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status '" + status + "': one of "
                    + Arrays.toString(AlertStatus.values()));
        }
        return s;
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
