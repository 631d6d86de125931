package nl.lvssync.opp;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.time.ClockConfig;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * One plan as a printable page (A4, for the file or the meeting with the parents): the student's general data, the
 * contents of O3 in the order of the law, what the plan lacks, where it stands against its deadlines, and its
 * versions. What the export left empty says so; nothing is filled in.
 */
@Component
class OppPrintPage {

    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter NL_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final String ONTBREEKT = "<span class=\"ontbreekt\">ontbreekt</span>";

    private final OppBewaking bewaking;
    private final Clock clock;

    OppPrintPage(OppBewaking bewaking, Clock clock) {
        this.bewaking = bewaking;
        this.clock = clock;
    }

    String render(School school, OppLeerling l, OppController.StudentOpp view, String printedBy) {
        OppVersie v = l.huidig();
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>OPP ")
                .append(esc(view.student().name() == null ? l.lvsId() : view.student().name())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:52em}h1{font-size:1.5em}h2{font-size:1.1em;"
                        + "margin-top:1.5em;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}"
                        + "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}"
                        + "th{width:16em;background:#f4f4f4}.ontbreekt{color:#b00;font-style:italic}"
                        + ".tekst{white-space:pre-wrap}footer{margin-top:2em;font-size:.8em;color:#555}"
                        + "@media print{body{margin:0}a{color:inherit;text-decoration:none}"
                        + "h2{break-after:avoid}tr{break-inside:avoid}}@page{size:A4;margin:18mm}")
                .append("</style></head><body>")
                .append("<h1>Ontwikkelingsperspectiefplan</h1>");
        h.append("<h2>Algemene gegevens</h2>");
        table(h, List.of(
                row("School", esc(school.name()) + " (" + esc(school.id()) + ")"),
                row("Leerling", text(view.student().name())),
                row("Leerling-id (LVS)", esc(l.lvsId())),
                row("Stamnummer", text(l.student() == null ? null : l.student().stamnr())),
                row("Geboortedatum", date(l.student() == null ? null : l.student().birthDate())),
                row("Klas", text(view.student().klas())),
                row("Plaatsing", date(view.placementDate()) + (view.reason() == null ? "" : " — OPP nodig: " + esc(view.reason())))));
        if (v == null) {
            h.append("<p class=\"ontbreekt\">Er is geen OPP van deze leerling ontvangen uit het LVS.</p>");
        } else {
            h.append("<h2>Plan</h2>");
            table(h, List.of(
                    row("Plan", text(v.planId()) + ", versie " + v.versie()),
                    row("Status", v.status() == null ? ONTBREEKT : esc(v.status().wire())),
                    row("Opgesteld op", date(v.opgesteldOp())),
                    row("Vastgesteld op", date(v.vastgesteldOp())),
                    row("Geëvalueerd op", v.geevalueerdOp() == null ? "nog niet" : date(v.geevalueerdOp()))));
            h.append("<h2>Onderwijsrelevante beginsituatie</h2>");
            table(h, List.of(
                    row("Didactische ontwikkeling", text(v.beginsituatieDidactisch())),
                    row("Leergedrag", text(v.beginsituatieLeergedrag())),
                    row("Sociaal-emotionele ontwikkeling", text(v.beginsituatieSociaalEmotioneel())),
                    row("Bevorderende factoren", text(v.bevorderendeFactoren())),
                    row("Belemmerende factoren", text(v.belemmerendeFactoren()))));
            h.append("<h2>Ontwikkelingsperspectief</h2>");
            table(h, List.of(
                    row("Uitstroomprofiel", text(v.uitstroomprofiel())),
                    row("Uitstroombestemming", text(v.uitstroombestemming())),
                    row("Onderbouwing", text(v.onderbouwing())),
                    row("Beoogde uitstroomdatum", date(v.beoogdeUitstroomdatum()))));
            h.append("<h2>Onderwijsaanbod</h2>");
            table(h, List.of(
                    row("Leerroute", text(v.leerroute())),
                    row("Onderwijstraject", text(v.onderwijstraject())),
                    row("Vakkenpakket", text(v.vakkenpakket()))));
            h.append("<h2>Ondersteuning (handelingsdeel)</h2>");
            table(h, List.of(
                    row("Ondersteuningsarrangement", text(bewaking.arrangement(school.id(), v.arrangement()))),
                    row("Begeleiding", text(v.begeleiding())),
                    row("Coach", text(v.coach())),
                    row("Instemming ouders op", date(v.instemmingOudersOp()))));
        }
        h.append("<h2>Termijnen en volledigheid</h2>");
        table(h, List.of(
                row("Stand", esc(stand(view.deadlineState()))),
                row(view.current() != null && view.current().isVastgesteld() ? "Evalueren uiterlijk" : "Vaststellen uiterlijk",
                        date(view.deadline())),
                row("Ontbreekt volgens de wet (O3)", view.missing().isEmpty() ? "niets"
                        : "<span class=\"ontbreekt\">" + esc(String.join(", ", view.missing().stream()
                        .map(OppVersie::omschrijving).toList())) + "</span>")));
        if (l.versies().size() > 1) {
            h.append("<h2>Versies</h2><table><tr><th>Versie</th><th>Status</th><th>Vastgesteld</th><th>Geëvalueerd</th>"
                    + "<th>Ontvangen</th></tr>");
            for (OppVersie old : view.versions()) {
                h.append("<tr><td>").append(esc(old.planId() == null ? "" : old.planId() + " ")).append(old.versie())
                        .append("</td><td>").append(old.status() == null ? "" : esc(old.status().wire())).append("</td><td>")
                        .append(plain(old.vastgesteldOp())).append("</td><td>").append(plain(old.geevalueerdOp()))
                        .append("</td><td>").append(old.receivedAt() == null ? "" : NL_TIME.format(old.receivedAt()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<footer>Uit het LVS overgenomen door LVS Sync; afgedrukt door ").append(esc(printedBy)).append(" op ")
                .append(NL_TIME.format(clock.instant().atZone(ClockConfig.AMSTERDAM)))
                .append(". Vertrouwelijk: alleen voor wie bij de begeleiding van de leerling betrokken is.</footer>");
        return h.append("</body></html>").toString();
    }

    private static String stand(DeadlineState state) {
        return switch (state) {
            case NOT_REQUIRED -> "geen OPP nodig";
            case ON_TIME -> "nog niet vastgesteld, binnen de termijn";
            case DUE -> "nog niet vastgesteld: de termijn van 6 weken loopt af";
            case OVERDUE -> "niet binnen 6 weken vastgesteld";
            case UNKNOWN -> "nog niet vastgesteld; plaatsingsdatum onbekend";
            case SET -> "vastgesteld";
            case EVALUATION_DUE -> "vastgesteld; de jaarlijkse evaluatie met de ouders komt eraan";
            case EVALUATION_OVERDUE -> "vastgesteld; de jaarlijkse evaluatie met de ouders is te laat";
            case ENDED -> "beëindigd";
            case LEFT -> "leerling uitgeschreven";
            case UNKNOWN_STUDENT -> "leerling onbekend in het LVS";
        };
    }

    private record Row(String label, String html) {
    }

    private static Row row(String label, String html) {
        return new Row(label, html);
    }

    private static void table(StringBuilder h, List<Row> rows) {
        h.append("<table>");
        for (Row r : rows) {
            h.append("<tr><th>").append(esc(r.label())).append("</th><td>").append(r.html()).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? ONTBREEKT : "<span class=\"tekst\">" + esc(s) + "</span>";
    }

    private static String date(LocalDate d) {
        return d == null ? ONTBREEKT : NL.format(d);
    }

    private static String plain(LocalDate d) {
        return d == null ? "" : NL.format(d);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
