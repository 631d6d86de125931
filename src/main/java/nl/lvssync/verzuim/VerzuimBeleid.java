package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A school's verzuim policy (beleid): the unit of R1 and every threshold, with the defaults of verzuim-rules.md.
 * The legal ones (16 hours, 4 lesweken) are law, not settings.
 */
public record VerzuimBeleid(Eenheid eenheid, BigDecimal signaalUren, int teLaatAantal, int teLaatMinuten,
                            int patroonWeken, int sprokkelDagen, int mazlEpisodes, int mazlWeken,
                            int mazlAaneengeslotenDagen, int deadlineWerkdagen) {

    public static final BigDecimal WETTELIJKE_UREN = BigDecimal.valueOf(16);
    public static final int VENSTER_LESWEKEN = 4;
    public static final int LRV_LESWEKEN = 4;

    public static VerzuimBeleid standaard(Eenheid eenheid) {
        return new VerzuimBeleid(eenheid == null ? Eenheid.LESSON_PERIODS : eenheid, BigDecimal.valueOf(8), 6, 20, 3, 5, 4,
                12, 7, 5);
    }

    /** Per-school overrides from configuration ({@code rules:} of a school), e.g. {@code signal-hours: 10}. */
    public static VerzuimBeleid from(Eenheid eenheid, Map<String, Object> regels) {
        VerzuimBeleid d = standaard(eenheid);
        Map<String, Object> r = regels == null ? Map.of() : regels;
        return new VerzuimBeleid(d.eenheid(),
                new BigDecimal(String.valueOf(r.getOrDefault("signal-hours", d.signaalUren()))),
                number(r, "late-count", d.teLaatAantal()), number(r, "late-minutes", d.teLaatMinuten()),
                number(r, "pattern-weeks", d.patroonWeken()), number(r, "sprokkel-days", d.sprokkelDagen()),
                number(r, "mazl-episodes", d.mazlEpisodes()), number(r, "mazl-weeks", d.mazlWeken()),
                number(r, "mazl-consecutive-days", d.mazlAaneengeslotenDagen()),
                number(r, "deadline-working-days", d.deadlineWerkdagen()));
    }

    private static int number(Map<String, Object> r, String key, int standaard) {
        Object v = r.get(key);
        if (v == null) {
            return standaard;
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rules." + key + " must be a whole number, not '" + v + "'", e);
        }
    }
}
