package nl.lvssync.alert;

import java.time.LocalDate;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.sync.Students;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Builds the DUO melding for an alert, as a CSV row and as a printable page. */
@Component
class DuoMeldingen {

    private final Students students;
    private final AlertRepository alerts;
    private final SchoolDirectory schools;

    DuoMeldingen(Students students, AlertRepository alerts, SchoolDirectory schools) {
        this.students = students;
        this.alerts = alerts;
        this.schools = schools;
    }

    /**
     * The melding of a legal alert that still stands.
     *
     * @throws IllegalStateException for a signal (no melding to DUO) or a WITHDRAWN alert: the data no longer
     *                               supports it, so its BSN is not handed out
     */
    DuoMelding forAlert(StoredAlert alert, String melder) {
        if (!AlertActions.LEGAL.contains(alert.rule())) {
            throw new IllegalStateException(alert.rule() + " is not a melding to DUO");
        }
        if (alert.status() == AlertStatus.WITHDRAWN) {
            throw new IllegalStateException("alert " + alert.id() + " is WITHDRAWN: the absences no longer support a"
                    + " melding, so there is none to download (if it was reported, withdraw it at DUO)");
        }
        return build(alert, melder);
    }

    DuoMelding build(StoredAlert alert, String melder) {
        StudentRecord s = students.find(alert.schoolId(), alert.studentLvsId())
                .orElse(new StudentRecord(alert.studentLvsId(), null, null, null, null, null, null, null, null, null, null,
                        null, null));
        List<LocalDate> dagen = alerts.records(alert.id()).stream().map(AlertRepository.AlertRecord::date).distinct().sorted().toList();
        String schoolName = schools.find(alert.schoolId()).map(School::name).orElse(alert.schoolId());
        return new DuoMelding(alert.id(), alert.schoolId(), schoolName,
                AlertRepository.name(s.roepnaam(), s.tussenvoegsel(), s.achternaam()),
                s.stamnr(), s.birthDate(), s.bsn(),
                s.klas(), DuoMelding.soort(alert.rule()), alert.startDate(), alert.endDate(),
                alert.hours() == null ? null : alert.hours().doubleValue(), alert.allLessonsMissed(), dagen,
                melder + " (" + schoolName + ")", alert.deadline());
    }

    /** A page to print or keep open beside the verzuimloket; it holds the BSN, so it is never cached. */
    String printable(DuoMelding m) {
        String[][] rows = {
                {"School (BRIN + vestiging)", m.brin() + " — " + m.school()},
                {"Leerling", m.leerling()}, {"Stamnummer", m.stamnr()}, {"Geboortedatum", str(m.geboortedatum())},
                {"BSN / onderwijsnummer", m.bsn()}, {"Klas", m.klas()}, {"Soort verzuim", m.soortVerzuim()},
                {"Begindatum", str(m.begindatum())}, {"Einddatum", str(m.einddatum())},
                {"Aantal uren", m.uren() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", m.uren())},
                {"Alle lessen gemist", m.alleLessenGemist() == null ? "onbekend" : m.alleLessenGemist() ? "ja" : "nee"},
                {"Verzuimdagen (" + m.verzuimdagen().size() + ")", String.join(", ", m.verzuimdagen().stream().map(LocalDate::toString).toList())},
                {"Melder", m.melder()}, {"Uiterste melddatum", str(m.deadline())}};
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<title>Verzuimmelding " + esc(m.leerling()) + "</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.4em .8em;text-align:left;vertical-align:top}"
                + "@media print{.noprint{display:none}}</style></head><body><h1>Verzuimmelding DUO</h1>"
                + "<p class=\"noprint\">Neem deze gegevens over in het verzuimloket van DUO. <button type=\"button\" data-print>Afdrukken</button></p><table>");
        for (String[] row : rows) {
            html.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>");
        }
        return html.append("</table><p>Alert ").append(esc(m.alertId()))
                .append("</p><script src=\"/js/lvs-sync.js\"></script></body></html>").toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
