package nl.lvssync.opp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One version of an ontwikkelingsperspectiefplan (OPP) as the school's export gave it, with the contents of O3. A
 * field the export left empty is null: missing data, never filled in by us.
 *
 * @param planId        the plan's id in the LVS; null when the export has none (one plan per student)
 * @param versie        the version number; where the export has none, ours (1, 2, … as new content arrives)
 * @param status        null when the export left it empty
 * @param opgesteldOp   drawn up on
 * @param vastgesteldOp set on (with the parents)
 * @param geevalueerdOp last evaluated on (with the parents)
 * @param instemmingOudersOp the parents' agreement on the handelingsdeel
 * @param receivedAt    when this version first reached us
 */
public record OppVersie(String studentLvsId, String planId, int versie, OppStatus status, LocalDate opgesteldOp,
                        LocalDate vastgesteldOp, LocalDate geevalueerdOp, String uitstroomprofiel,
                        String uitstroombestemming, String onderbouwing, LocalDate beoogdeUitstroomdatum, String leerroute,
                        String onderwijstraject, String vakkenpakket, String arrangement, String begeleiding, String coach,
                        String beginsituatieDidactisch, String beginsituatieLeergedrag,
                        String beginsituatieSociaalEmotioneel, String bevorderendeFactoren, String belemmerendeFactoren,
                        LocalDate instemmingOudersOp, OffsetDateTime receivedAt) {

    /**
     * The contents O3 requires of a set plan, by the export's column names (lvs-apis.md), with what users read. The
     * general student data come from the LVS's student list, and the evaluation date is O2's concern (a plan set this
     * year was not evaluated yet); the coach is shown, but O3 does not require one.
     */
    public static final List<Inhoud> VERPLICHT = List.of(
            new Inhoud("beginsituatie_didactisch", "beginsituatie: didactische ontwikkeling", OppVersie::beginsituatieDidactisch),
            new Inhoud("beginsituatie_leergedrag", "beginsituatie: leergedrag", OppVersie::beginsituatieLeergedrag),
            new Inhoud("beginsituatie_sociaal_emotioneel", "beginsituatie: sociaal-emotionele ontwikkeling",
                    OppVersie::beginsituatieSociaalEmotioneel),
            new Inhoud("bevorderende_factoren", "bevorderende factoren", OppVersie::bevorderendeFactoren),
            new Inhoud("belemmerende_factoren", "belemmerende factoren", OppVersie::belemmerendeFactoren),
            new Inhoud("uitstroomprofiel", "uitstroomprofiel", OppVersie::uitstroomprofiel),
            new Inhoud("uitstroombestemming", "uitstroombestemming", OppVersie::uitstroombestemming),
            new Inhoud("onderbouwing", "onderbouwing van de uitstroombestemming", OppVersie::onderbouwing),
            new Inhoud("beoogde_uitstroomdatum", "beoogde uitstroomdatum", OppVersie::beoogdeUitstroomdatum),
            new Inhoud("leerroute", "leerroute", OppVersie::leerroute),
            new Inhoud("onderwijstraject", "onderwijstraject", OppVersie::onderwijstraject),
            new Inhoud("vakkenpakket", "vakkenpakket", OppVersie::vakkenpakket),
            new Inhoud("arrangement", "ondersteuningsarrangement", OppVersie::arrangement),
            new Inhoud("begeleiding", "begeleiding", OppVersie::begeleiding),
            new Inhoud("vastgesteld_op", "datum vastgesteld", OppVersie::vastgesteldOp),
            new Inhoud("instemming_ouders_op", "instemming ouders met het handelingsdeel", OppVersie::instemmingOudersOp));

    /** One content of O3: its column in the export, its words for users, and where a version keeps it. */
    public record Inhoud(String kolom, String omschrijving, Function<OppVersie, Object> waarde) {
    }

    /** The contents O3 requires that this version lacks (column names), leaving out those the school made optional. */
    public List<String> ontbrekend(Collection<String> optioneel) {
        List<String> missing = new ArrayList<>();
        for (Inhoud i : VERPLICHT) {
            Object v = i.waarde().apply(this);
            if ((v == null || v.toString().isBlank()) && !optioneel.contains(i.kolom())) {
                missing.add(i.kolom());
            }
        }
        return missing;
    }

    /** Whether this version is a set plan (vastgesteld or geevalueerd; without a status, a set date). */
    @JsonIgnore
    public boolean isVastgesteld() {
        return status != null ? status.set() : vastgesteldOp != null;
    }

    @JsonIgnore
    public boolean isBeeindigd() {
        return status == OppStatus.BEEINDIGD;
    }

    /** The latest date the version names: when the school last worked on it. */
    @JsonIgnore
    public LocalDate laatsteDatum() {
        LocalDate d = opgesteldOp;
        for (LocalDate x : new LocalDate[] {vastgesteldOp, geevalueerdOp}) {
            if (x != null && (d == null || x.isAfter(d))) {
                d = x;
            }
        }
        return d;
    }

    /** What users read for a content column. */
    public static String omschrijving(String kolom) {
        return VERPLICHT.stream().filter(i -> i.kolom().equals(kolom)).map(Inhoud::omschrijving).findFirst().orElse(kolom);
    }
}
