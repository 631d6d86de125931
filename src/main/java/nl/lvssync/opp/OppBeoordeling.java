package nl.lvssync.opp;

import java.time.LocalDate;
import java.util.List;

/**
 * One student's OPP judged today: where it stands, the date that matters next, and what the rules found.
 *
 * @param plaatsing   the date O1's weeks count from (null when unknown)
 * @param deadline    not set yet: the last day to set it; set: the day its yearly evaluation is due
 * @param opTijd      set: whether it was set within the 6 weeks (null when that cannot be told)
 * @param ontbrekend  set: the O3 contents it lacks (column names)
 */
public record OppBeoordeling(DeadlineState state, OppBehoefte behoefte, LocalDate plaatsing, LocalDate deadline,
                             Boolean opTijd, List<String> ontbrekend, List<OppBevinding> bevindingen) {

    static OppBeoordeling of(DeadlineState state, OppBehoefte behoefte, LocalDate plaatsing, LocalDate deadline,
                             Boolean opTijd, List<String> ontbrekend, List<OppBevinding> bevindingen) {
        return new OppBeoordeling(state, behoefte, plaatsing, deadline, opTijd, List.copyOf(ontbrekend),
                List.copyOf(bevindingen));
    }

    /** Why an open alert of this rule is over now, in the words of its history. */
    public String afsluiting(OppRegel regel, OppVersie huidig) {
        if (state == DeadlineState.LEFT) {
            return "De leerling staat niet meer ingeschreven: de OPP-signalen vervallen.";
        }
        if (state == DeadlineState.NOT_REQUIRED || state == DeadlineState.ENDED) {
            return "De leerling heeft volgens het LVS geen OPP meer nodig" + (state == DeadlineState.ENDED ? " (plan beëindigd)." : ".");
        }
        return switch (regel) {
            case OPP_DUE -> huidig != null && huidig.isVastgesteld()
                    ? "Het OPP is vastgesteld" + op(huidig.vastgesteldOp()) + "."
                    : state == DeadlineState.OVERDUE ? "De termijn is verstreken: het signaal gaat verder als OPP_OVERDUE."
                    : "De plaatsingsdatum in het LVS is gewijzigd.";
            case OPP_OVERDUE -> huidig != null && huidig.isVastgesteld()
                    ? "Het OPP is vastgesteld" + op(huidig.vastgesteldOp()) + " (te laat)."
                    : "De plaatsingsdatum in het LVS is gewijzigd.";
            case OPP_EVALUATION_DUE -> huidig != null && huidig.geevalueerdOp() != null
                    ? "Het OPP is geëvalueerd" + op(huidig.geevalueerdOp()) + "."
                    : "Het OPP is opnieuw vastgesteld" + (huidig == null ? "" : op(huidig.vastgesteldOp())) + ".";
            case OPP_INCOMPLETE -> ontbrekend.isEmpty()
                    ? "Het OPP" + (huidig == null ? "" : " (versie " + huidig.versie() + ")") + " bevat nu wat de wet vraagt."
                    : "Een nieuwere versie van het OPP is vastgesteld; die wordt nu beoordeeld.";
        };
    }

    private static String op(LocalDate d) {
        return d == null ? "" : " op " + d.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }
}
