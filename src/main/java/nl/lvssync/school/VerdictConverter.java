package nl.lvssync.school;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import nl.lvssync.verzuim.Verdict;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a code table's verdicts leniently: our names in any case, and the Dutch and English words schools use for
 * them (geoorloofd, ziek, schorsing, verlof, …). An unknown word stops the start-up with the words it accepts.
 */
@Component
@ConfigurationPropertiesBinding
class VerdictConverter implements Converter<String, Verdict> {

    private static final Map<String, Verdict> WORDS = Map.ofEntries(
            Map.entry("ONGEOORLOOFD", Verdict.UNEXCUSED), Map.entry("UNAUTHORISED", Verdict.UNEXCUSED),
            Map.entry("UNAUTHORIZED", Verdict.UNEXCUSED), Map.entry("ABSENT", Verdict.UNEXCUSED),
            Map.entry("GEOORLOOFD", Verdict.EXCUSED), Map.entry("AUTHORISED", Verdict.EXCUSED),
            Map.entry("AUTHORIZED", Verdict.EXCUSED),
            Map.entry("ZIEK", Verdict.SICK), Map.entry("ILLNESS", Verdict.SICK), Map.entry("ILL", Verdict.SICK),
            Map.entry("TE_LAAT", Verdict.LATE), Map.entry("TELAAT", Verdict.LATE),
            Map.entry("EXCUSED_LATE", Verdict.LATE_EXCUSED), Map.entry("TE_LAAT_GEOORLOOFD", Verdict.LATE_EXCUSED),
            Map.entry("SUSPENSION", Verdict.SUSPENDED), Map.entry("SCHORSING", Verdict.SUSPENDED),
            Map.entry("GESCHORST", Verdict.SUSPENDED),
            Map.entry("VERLOF", Verdict.LEAVE), Map.entry("AUTHORISED_LEAVE", Verdict.LEAVE),
            Map.entry("NONE", Verdict.NOT_ABSENCE), Map.entry("IGNORE", Verdict.NOT_ABSENCE),
            Map.entry("NOT_AN_ABSENCE", Verdict.NOT_ABSENCE), Map.entry("VRIJSTELLING", Verdict.NOT_ABSENCE),
            Map.entry("EXEMPT", Verdict.NOT_ABSENCE), Map.entry("GEEN_VERZUIM", Verdict.NOT_ABSENCE));

    @Override
    public Verdict convert(String source) {
        String key = Normalizer.normalize(source.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(key)) {
                return v;
            }
        }
        Verdict word = WORDS.get(key);
        if (word == null) {
            throw new IllegalArgumentException("'" + source + "' is not a verdict; use one of "
                    + Arrays.toString(Verdict.values()) + " (or a Dutch word such as ongeoorloofd, ziek, verlof)");
        }
        return word;
    }
}
