package nl.lvssync.opp;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OPP rules of verzuim-rules.md over one student, plain Java: O1 (a plan set within 6 weeks of enrolment or
 * placement: OPP_DUE at 4 weeks, OPP_OVERDUE after 6), O2 (evaluated with the parents at least once a year:
 * OPP_EVALUATION_DUE 4 weeks before the year is up, overdue after it) and O3 (a set plan holds the contents the law
 * requires: OPP_INCOMPLETE, listing what it lacks). Deterministic: the same data on the same day gives the same
 * findings with the same keys.
 *
 * <p>Readings, each protecting the student:
 * <ul>
 * <li>The weeks run on through holidays (the law names weeks, not lesweken); a school may configure otherwise.</li>
 * <li>"Within 6 weeks" includes the day six weeks after placement; OPP_OVERDUE from the day after.</li>
 * <li>A student with a plan that has not ended needs an OPP even when the school's rule does not name their
 *     enrolment; their weeks count from the later of the placement and the day the plan was drawn up (when the need
 *     became known), since the LVS tells no other placement in an arrangement.</li>
 * <li>A plan set anew (a new version vastgesteld) starts the year of O2 again, as an evaluation does: the new plan is
 *     what the parents agreed to.</li>
 * </ul>
 */
public final class OppTermijnen {

    static final int SIGNAAL_WEKEN = 4;
    static final int VASTSTELLEN_WEKEN = 6;
    static final int EVALUATIE_SIGNAAL_WEKEN = 4;
    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private OppTermijnen() {
    }

    /** How weeks after a placement are counted: calendar weeks by default, or lesweken (holidays skipped). */
    @FunctionalInterface
    public interface Weken {
        /** The day n weeks after start. */
        LocalDate na(LocalDate start, int n);

        Weken KALENDER = LocalDate::plusWeeks;
    }

    /**
     * @param huidig    the student's current plan version, or null
     * @param actief    false once the student has left the school: no findings, their OPP alerts close
     * @param optioneel O3 contents the school made optional (column names)
     */
    public static OppBeoordeling beoordeel(OppBehoefte behoefte, OppVersie huidig, boolean actief, LocalDate vandaag,
                                           Weken weken, Collection<String> optioneel) {
        if (!actief) {
            return OppBeoordeling.of(DeadlineState.LEFT, behoefte, null, null, null, List.of(), List.of());
        }
        boolean lopend = huidig != null && !huidig.isBeeindigd();
        if (!behoefte.nodig() && !lopend) {
            return OppBeoordeling.of(huidig != null ? DeadlineState.ENDED : DeadlineState.NOT_REQUIRED, behoefte, null,
                    null, null, List.of(), List.of());
        }
        if (huidig == null || !huidig.isVastgesteld() || huidig.isBeeindigd()) {
            return nogNietVastgesteld(behoefte, huidig, vandaag, weken);
        }
        return vastgesteld(behoefte, huidig, vandaag, weken, optioneel);
    }

    private static OppBeoordeling nogNietVastgesteld(OppBehoefte behoefte, OppVersie huidig, LocalDate vandaag, Weken weken) {
        LocalDate start = behoefte.nodig() ? behoefte.plaatsing() : later(behoefte.plaatsing(), huidig.opgesteldOp());
        if (start == null) {
            return OppBeoordeling.of(DeadlineState.UNKNOWN, behoefte, null, null, null, List.of(), List.of());
        }
        LocalDate signaal = weken.na(start, SIGNAAL_WEKEN);
        LocalDate deadline = weken.na(start, VASTSTELLEN_WEKEN);
        String plan = huidig == null ? "Er is nog geen OPP ontvangen uit het LVS."
                : huidig.isBeeindigd() ? "Het vorige OPP" + planNaam(huidig) + " is beëindigd; er is geen nieuw OPP vastgesteld."
                : "Het OPP" + planNaam(huidig) + " is nog niet vastgesteld (status "
                + (huidig.status() == null ? "onbekend" : huidig.status().wire()) + ").";
        String sinds = "Geplaatst op " + NL.format(start) + bron(behoefte) + (behoefte.reden() == null ? ""
                : "; OPP nodig: " + behoefte.reden()) + ". ";
        if (vandaag.isBefore(signaal)) {
            return OppBeoordeling.of(DeadlineState.ON_TIME, behoefte, start, deadline, null, List.of(), List.of());
        }
        if (!vandaag.isAfter(deadline)) {
            return OppBeoordeling.of(DeadlineState.DUE, behoefte, start, deadline, null, List.of(), List.of(new OppBevinding(
                    OppRegel.OPP_DUE, start, deadline, sinds + plan + " Stel het OPP met de ouders vast, uiterlijk "
                    + NL.format(deadline) + " (binnen " + VASTSTELLEN_WEKEN + " weken).", null)));
        }
        return OppBeoordeling.of(DeadlineState.OVERDUE, behoefte, start, deadline, null, List.of(), List.of(new OppBevinding(
                OppRegel.OPP_OVERDUE, start, deadline, sinds + plan + " De termijn van " + VASTSTELLEN_WEKEN
                + " weken is op " + NL.format(deadline) + " verstreken.", null)));
    }

    private static OppBeoordeling vastgesteld(OppBehoefte behoefte, OppVersie plan, LocalDate vandaag, Weken weken,
                                              Collection<String> optioneel) {
        List<OppBevinding> found = new ArrayList<>();
        List<String> ontbrekend = plan.ontbrekend(optioneel);
        LocalDate laatst = later(plan.vastgesteldOp(), plan.geevalueerdOp());
        LocalDate jaar = laatst == null ? null : laatst.plusYears(1);
        DeadlineState state = DeadlineState.SET;
        if (jaar != null && !vandaag.isBefore(jaar.minusWeeks(EVALUATIE_SIGNAAL_WEKEN))) {
            state = vandaag.isAfter(jaar) ? DeadlineState.EVALUATION_OVERDUE : DeadlineState.EVALUATION_DUE;
            String wat = plan.geevalueerdOp() != null && !plan.geevalueerdOp().isBefore(laatst) ? "geëvalueerd" : "vastgesteld";
            found.add(new OppBevinding(OppRegel.OPP_EVALUATION_DUE, jaar.minusWeeks(EVALUATIE_SIGNAAL_WEKEN), jaar,
                    "Het OPP" + planNaam(plan) + " is op " + NL.format(laatst) + " " + wat + ". Evalueer het met de ouders"
                    + (vandaag.isAfter(jaar) ? ": dat had uiterlijk " + NL.format(jaar) + " gemoeten."
                    : " uiterlijk " + NL.format(jaar) + " (eens per schooljaar)."), null));
        }
        if (!ontbrekend.isEmpty()) {
            LocalDate start = plan.vastgesteldOp() != null ? plan.vastgesteldOp() : plan.opgesteldOp() != null ? plan.opgesteldOp()
                    : plan.receivedAt() != null ? plan.receivedAt().toLocalDate() : vandaag;
            found.add(new OppBevinding(OppRegel.OPP_INCOMPLETE, start, null, "Het vastgestelde OPP" + planNaam(plan)
                    + " mist wat de wet vraagt: " + ontbrekend.stream().map(OppVersie::omschrijving)
                    .collect(Collectors.joining(", ")) + ".", ontbrekend));
        }
        Boolean opTijd = null;
        if (behoefte.nodig() && behoefte.plaatsing() != null && plan.vastgesteldOp() != null) {
            opTijd = !plan.vastgesteldOp().isAfter(weken.na(behoefte.plaatsing(), VASTSTELLEN_WEKEN));
        }
        return OppBeoordeling.of(state, behoefte, behoefte.plaatsing(), jaar, opTijd, ontbrekend, found);
    }

    private static String planNaam(OppVersie v) {
        return " (" + (v.planId() == null ? "" : "plan " + v.planId() + ", ") + "versie " + v.versie() + ")";
    }

    private static String bron(OppBehoefte b) {
        return switch (b.bron()) {
            case LVS -> " (inschrijving in het LVS)";
            case EERST_GEZIEN -> " (het LVS geeft geen plaatsingsdatum: gerekend vanaf de dag dat LVS Sync de leerling"
                    + " voor het eerst las)";
            case ONBEKEND -> "";
        };
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
