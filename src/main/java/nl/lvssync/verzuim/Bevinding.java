package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding (bevinding) of one rule for one student: what an alert is made of. The natural key is
 * (regel, signaal, startDatum): evaluating the same data again gives the same key.
 *
 * @param signaal       the condition: the kind of R4 signal, or MAZL's EPISODES or LONG; null for other rules
 * @param eindDatum     the day the threshold was reached (R1), the end of the episode so far (R2, R5)
 * @param deadline      last day to report to DUO (melding rules), null otherwise
 * @param vensterVan    first day of the window that was counted
 * @param vensterTot    last day of the window that was counted (inclusive)
 * @param statusOnbekend the duty status on some counted day was unknown (no birth date): raised anyway
 * @param onvolledig    lessons are missing for a lesweek in the window, so the count may be too low
 * @param alleLessenGemist every lesson in the window's verzuimdagen was missed (DUO melding field)
 * @param verzuimdagen  number of distinct days with counted absence
 * @param toelichting   a short explanation in words, shown with the alert
 */
public record Bevinding(Regel regel, Signaal signaal, LocalDate startDatum, LocalDate eindDatum, BigDecimal uren,
                        LocalDate deadline, LocalDate vensterVan, LocalDate vensterTot, boolean statusOnbekend,
                        boolean onvolledig, Boolean alleLessenGemist, Integer verzuimdagen,
                        List<Bijdrage> bijdragen, String toelichting) {

    public Bevinding {
        if (signaal != null && signaal.regel() != regel) {
            throw new IllegalArgumentException(signaal + " is not a condition of " + regel);
        }
        bijdragen = bijdragen == null ? List.of() : List.copyOf(bijdragen);
    }
}
