package nl.lvssync.alert;

import java.util.ArrayList;
import java.util.List;
import nl.lvssync.time.ApiTime;
import nl.lvssync.verzuim.Signaal;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a notification links to ({dashboard-url}/alerts/{id}): the alert, the records behind it and its
 * history, readable after the login form. The coordinator acts on it through the API or, later, the dashboard.
 */
@RestController
class AlertPageController {

    private final AlertRepository alerts;
    private final CurrentUser user;

    AlertPageController(AlertRepository alerts, CurrentUser user) {
        this.alerts = alerts;
        this.user = user;
    }

    @GetMapping(value = "/alerts/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable String id) {
        AlertView a = alerts.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
        user.requireSchool(a.school());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Signaal ")
                .append(esc(a.rule())).append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}</style></head><body>")
                .append("<h1>").append(esc(a.rule())).append(a.signal() == null ? "" : " / " + esc(a.signal())).append("</h1>");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"School", a.school()});
        if (a.signal() != null) {
            // the condition it was raised for (R4's kind, MAZL's EPISODES or LONG): each is an alert of its own
            rows.add(new String[] {"Signaal", a.signal() + " — " + Signaal.omschrijving(a.signal())});
        }
        rows.addAll(List.of(
                new String[] {"Leerling", a.student() == null ? "" : a.student().name() + " (" + a.student().klas() + ")"},
                new String[] {"Periode", a.startDate() + (a.endDate() == null ? "" : " t/m " + a.endDate())},
                // written as the DUO melding writes it, so the coordinator sees one figure in both
                new String[] {"Uren", a.hours() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", a.hours())},
                new String[] {OppAlerts.RULES.contains(a.rule()) ? "Termijn" : "Uiterste melddatum",
                        a.deadline() == null ? "" : a.deadline() + (a.overdue() ? " (verstreken)" : "")},
                new String[] {"Status", a.status() + (a.incomplete() ? " — gegevens onvolledig" : "")},
                new String[] {"Toelichting", a.explanation()}));
        if (a.opp() != null) {
            // O4: the coordinator sees the support the student has with the absence
            rows.add(new String[] {"OPP", "arrangement: " + (a.opp().arrangement() == null ? "onbekend" : a.opp().arrangement())
                    + "; coach: " + (a.opp().coach() == null ? "onbekend" : a.opp().coach())});
            if ("LRV".equals(a.rule())) {
                rows.add(new String[] {"Let op", "Langdurig verzuim van een leerling met een OPP: bespreek met de coach en de"
                        + " ouders of het arrangement nog past."});
            }
        }
        row(html, rows);
        if (a.student() != null && (OppAlerts.RULES.contains(a.rule()) || a.opp() != null)) {
            html.append("<p><a href=\"/api/schools/").append(esc(a.school())).append("/students/")
                    .append(esc(a.student().lvsId())).append("/opp/print\">Het OPP van de leerling</a></p>");
        }
        if (List.of("LEGAL_16H", "LRV", "LUXE").contains(a.rule())) {
            html.append("<p><a href=\"/api/alerts/").append(esc(a.id())).append("/melding\">Gegevens voor de melding bij DUO</a></p>");
        }
        html.append("<h2>Registraties</h2><table><tr><th>Datum</th><th>Code</th><th>Oordeel toen</th><th>Oordeel nu</th><th>Uren</th></tr>");
        for (AlertRepository.AlertRecord r : alerts.records(id)) {
            html.append("<tr><td>").append(r.date()).append("</td><td>").append(esc(r.code())).append("</td><td>")
                    .append(esc(r.verdict())).append("</td><td>")
                    .append(Boolean.TRUE.equals(r.deleted()) ? "verwijderd" : esc(r.currentVerdict())).append("</td><td>")
                    .append(r.hours() == null ? "" : r.hours()).append("</td></tr>");
        }
        html.append("</table><h2>Geschiedenis</h2><table><tr><th>Wanneer</th><th>Wie</th><th>Wat</th></tr>");
        for (AlertRepository.HistoryEntry h : alerts.historyOf(id)) {
            html.append("<tr><td>").append(ApiTime.of(h.at())).append("</td><td>").append(esc(h.actor())).append("</td><td>")
                    .append(esc(h.action())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static void row(StringBuilder html, List<String[]> rows) {
        html.append("<table>");
        for (String[] r : rows) {
            html.append("<tr><th>").append(esc(r[0])).append("</th><td>").append(esc(r[1])).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
