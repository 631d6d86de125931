package nl.lvssync.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.lvssync.audit.AuditLog;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages: the inbox of their schools' alerts, what needs action first, and an alert's page (the
 * window, the hours, each absence record with its verdict then and now, the history) with the actions. The page is
 * also where a notification links to ({dashboard-url}/alerts/{id}).
 */
@Controller
class AlertPageController {

    /** The inbox's default: what still needs the coordinator. */
    static final List<String> TODO = List.of("OPEN", "ACKNOWLEDGED");

    private final AlertRepository alerts;
    private final AlertActions actions;
    private final SchoolDirectory schools;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    AlertPageController(AlertRepository alerts, AlertActions actions, SchoolDirectory schools, CurrentUser user,
                        AuditLog audit, Clock clock) {
        this.alerts = alerts;
        this.actions = actions;
        this.schools = schools;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row of the inbox: the alert, and whether its melding deadline has passed. */
    public record Row(AlertView alert, boolean overdue, boolean legal) {
    }

    @GetMapping("/alerts")
    String inbox(@RequestParam(required = false) String school, @RequestParam(required = false) String rule,
                 @RequestParam(required = false, defaultValue = "todo") String status,
                 @RequestParam(required = false) String klas, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<String> statuses = "todo".equals(status) ? TODO
                : "all".equals(status) || status.isBlank() ? List.of() : List.of(AlertController.status(status));
        String wantedSchool = school == null || school.isBlank() ? null : school.strip();
        if (wantedSchool != null && !user.maySee(wantedSchool)) {
            wantedSchool = "-"; // a school not one's own shows nothing, as an unknown one does
        }
        List<AlertView> found = alerts.inbox(user.schools(), wantedSchool, AlertController.rule(rule), statuses, today, 2000);
        String wantedKlas = klas == null || klas.isBlank() ? null : klas.strip();
        List<Row> rows = new ArrayList<>();
        for (AlertView a : found) {
            if (wantedKlas != null && (a.student() == null || !wantedKlas.equalsIgnoreCase(a.student().klas()))) {
                continue;
            }
            rows.add(new Row(a, overdue(a, today), AlertActions.LEGAL.contains(a.rule())));
            if (rows.size() >= 500) {
                break;
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("overdueCount", rows.stream().filter(Row::overdue).count());
        model.addAttribute("legalTodo", rows.stream().filter(r -> r.legal() && TODO.contains(r.alert().status())).count());
        model.addAttribute("newSignals", rows.stream().filter(r -> !r.legal() && "OPEN".equals(r.alert().status())).count());
        model.addAttribute("schools", visibleSchools());
        model.addAttribute("rules", AlertController.RULES.stream().sorted().toList());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("school", school);
        model.addAttribute("rule", rule);
        model.addAttribute("status", status);
        model.addAttribute("klas", klas);
        return "alert/inbox";
    }

    @GetMapping("/alerts/{id}")
    String page(@PathVariable String id, Model model) {
        AlertView a = visible(id);
        AlertStatus status = AlertStatus.valueOf(a.status());
        LocalDate today = LocalDate.now(clock);
        boolean legal = AlertActions.LEGAL.contains(a.rule());
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.ALERT, id, a.school(), AlertController.studentOf(a), "page");
        model.addAttribute("a", a);
        model.addAttribute("schoolName", schools.find(a.school()).map(School::name).orElse(a.school()));
        model.addAttribute("overdue", overdue(a, today));
        model.addAttribute("legal", legal);
        model.addAttribute("meldingsnummer", alerts.meldingNummer(id).orElse(null));
        model.addAttribute("records", alerts.records(id));
        model.addAttribute("history", alerts.historyOf(id));
        model.addAttribute("canAcknowledge", AlertActions.Action.ACKNOWLEDGE.from.contains(status));
        model.addAttribute("canReport", legal && AlertActions.Action.REPORTED.from.contains(status));
        model.addAttribute("canClose", AlertActions.Action.CLOSE.from.contains(status));
        model.addAttribute("reasonRequired", legal && (status == AlertStatus.OPEN || status == AlertStatus.ACKNOWLEDGED));
        model.addAttribute("melding", legal && status != AlertStatus.WITHDRAWN);
        model.addAttribute("oppRule", OppAlerts.RULES.contains(a.rule()));
        return "alert/alert";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable String id, RedirectAttributes flash) {
        return act(id, AlertActions.Action.ACKNOWLEDGE, null, null, flash, "Het signaal is in behandeling genomen.");
    }

    @PostMapping("/alerts/{id}/reported")
    String reported(@PathVariable String id, @RequestParam(required = false) String meldingsnummer,
                    @RequestParam(required = false) String toelichting, RedirectAttributes flash) {
        if (meldingsnummer == null || meldingsnummer.isBlank()) {
            flash.addFlashAttribute("error", "Vul het meldingsnummer van DUO in.");
            return "redirect:/alerts/" + id;
        }
        return act(id, AlertActions.Action.REPORTED, toelichting, meldingsnummer, flash,
                "Vastgelegd: gemeld bij DUO met meldingsnummer " + meldingsnummer.strip() + ".");
    }

    @PostMapping("/alerts/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String reden, RedirectAttributes flash) {
        return act(id, AlertActions.Action.CLOSE, reden, null, flash, "Het signaal is afgesloten.");
    }

    private String act(String id, AlertActions.Action action, String note, String nummer, RedirectAttributes flash,
                       String done) {
        AlertView view = visible(id);
        StoredAlert alert = alerts.find(id).orElseThrow();
        try {
            actions.apply(alert, action, user.name(), note, nummer);
            audit.record(AuditLog.Action.CHANGE, AuditLog.Subject.ALERT, id, view.school(), AlertController.studentOf(view),
                    action.name());
            flash.addFlashAttribute("message", done);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", action == AlertActions.Action.CLOSE
                    ? "Een wettelijke melding die niet bij DUO is gedaan, sluit u alleen af met een reden." : e.getMessage());
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", "Dat kan nu niet: het signaal heeft status "
                    + alert.status().name() + ". Laad de pagina opnieuw.");
        }
        return "redirect:/alerts/" + id;
    }

    private AlertView visible(String id) {
        AlertView view = alerts.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
        user.requireSchool(view.school());
        return view;
    }

    private List<School> visibleSchools() {
        Set<String> mine = user.schools();
        return schools.all().stream().filter(s -> mine == null || mine.contains(s.id()))
                .sorted(Comparator.comparing(School::id)).toList();
    }

    static boolean overdue(AlertView a, LocalDate today) {
        return a.deadline() != null && a.deadline().isBefore(today) && TODO.contains(a.status());
    }
}
