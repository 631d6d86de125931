package nl.lvssync.opp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a plan version is (lvs-apis.md, "OPP data"): concept (drawn up, not yet set), vastgesteld (set with the
 * parents), geevalueerd (evaluated with the parents), beeindigd (ended). Written in the API as the export writes it.
 */
public enum OppStatus {
    CONCEPT, VASTGESTELD, GEEVALUEERD, BEEINDIGD;

    /** The status as the export and the API write it: concept, vastgesteld, geevalueerd, beeindigd. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A set plan: vastgesteld, or evaluated since (O1 is met by it; O2 and O3 apply to it). */
    public boolean set() {
        return this == VASTGESTELD || this == GEEVALUEERD;
    }

    /**
     * The status a cell means: the four words of the spec in any case, with or without diaeresis (geëvalueerd,
     * beëindigd), and the words LVS modules use for them (ontwerp/draft, definitief, afgesloten).
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Optional<OppStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Optional.of(switch (v) {
            case "concept", "ontwerp", "draft", "in concept" -> CONCEPT;
            case "vastgesteld", "definitief", "actief" -> VASTGESTELD;
            case "geevalueerd", "evaluatie", "evaluated" -> GEEVALUEERD;
            case "beeindigd", "afgesloten", "gesloten", "ended" -> BEEINDIGD;
            default -> throw new IllegalArgumentException("status '" + value
                    + "' is not one of concept, vastgesteld, geevalueerd, beeindigd");
        });
    }
}
