package nl.lvssync.alert;

import java.util.Map;
import nl.lvssync.verzuim.Signaal;
import org.springframework.stereotype.Component;

/** The words users read for rules, statuses and verdicts (pages call it as {@code @alertLabels}). */
@Component("alertLabels")
public class AlertLabels {

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("LEGAL_16H", "16 uur ongeoorloofd in 4 lesweken"),
            Map.entry("LRV", "Langdurig relatief verzuim"),
            Map.entry("LUXE", "Luxe verzuim"),
            Map.entry("SIGNAL", "Signaalverzuim"),
            Map.entry("MAZL", "Zorgwekkend ziekteverzuim (MAZL)"),
            Map.entry("DATA_STALE", "Gegevens verouderd"),
            Map.entry("OPP_DUE", "OPP moet worden vastgesteld"),
            Map.entry("OPP_OVERDUE", "OPP te laat vastgesteld"),
            Map.entry("OPP_EVALUATION_DUE", "OPP-evaluatie nodig"),
            Map.entry("OPP_INCOMPLETE", "OPP onvolledig"));

    private static final Map<String, String> STATUSES = Map.of(
            "OPEN", "Nieuw", "ACKNOWLEDGED", "In behandeling", "REPORTED", "Gemeld bij DUO",
            "WITHDRAWN", "Ingetrokken", "CLOSED", "Afgesloten");

    private static final Map<String, String> VERDICTS = Map.of(
            "UNEXCUSED", "ongeoorloofd", "EXCUSED", "geoorloofd", "SICK", "ziek", "LATE", "te laat",
            "LATE_EXCUSED", "te laat (geoorloofd)", "SUSPENDED", "geschorst", "LEAVE", "verlof",
            "NOT_ABSENCE", "geen verzuim");

    private static final Map<String, String> ACTIONS = Map.of(
            "RAISED", "Aangemaakt", "REINSTATED", "Opnieuw geldig", "REEVALUATED", "Herberekend",
            "ACKNOWLEDGE", "In behandeling genomen", "REPORTED", "Gemeld bij DUO", "CLOSE", "Afgesloten",
            "WITHDRAWN", "Ingetrokken", "ESCALATED", "Termijn verstreken");

    public String rule(String rule) {
        return RULES.getOrDefault(rule, rule);
    }

    public String rule(String rule, String signal) {
        String s = Signaal.omschrijving(signal);
        return s == null ? rule(rule) : rule(rule) + ": " + s;
    }

    public String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    public String verdict(String verdict) {
        return verdict == null ? "" : VERDICTS.getOrDefault(verdict, verdict);
    }

    public String action(String action) {
        return ACTIONS.getOrDefault(action, action);
    }

    public boolean legal(String rule) {
        return AlertActions.LEGAL.contains(rule);
    }
}
