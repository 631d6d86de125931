package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * The windowed hour count of R1 (and of the R4 hours signal), verzuim-rules.md R1 steps 1-4: for each absence day A
 * in order, the hours in [A, end of A's window) in time order; the first A whose running total reaches the threshold
 * fires, and counting starts again after it.
 */
final class UrenVenster {

    /**
     * One window that reached the threshold.
     *
     * @param eind   the day the running total reached the threshold (the end date)
     * @param geteld every counted absence from the start date through the end date, the whole end day included
     */
    record Treffer(LocalDate start, LocalDate eind, LocalDate vensterEinde, BigDecimal uren, List<Absentie> geteld) {
    }

    private UrenVenster() {
    }

    /**
     * @param geteld          the absences that count, in time order
     * @param minDagenTussen  R1's spacing during continuous absence: a next end date at least this many days after the
     *                        previous one (0: no spacing)
     * @param herstartNaEinde restart the day after the end date (R1); otherwise after the whole window, so a signal
     *                        never repeats for the same window
     */
    static List<Treffer> tel(List<Absentie> geteld, VerzuimDossier d, BigDecimal drempel, int minDagenTussen,
                             boolean herstartNaEinde) {
        BigDecimal drempelMinuten = drempel.multiply(BigDecimal.valueOf(60));
        List<Treffer> treffers = new ArrayList<>();
        LocalDate telStart = null;
        LocalDate vorigEinde = null;
        List<LocalDate> dagen = geteld.stream().map(Absentie::datum).distinct().sorted().toList();
        for (LocalDate a : dagen) {
            if (telStart != null && a.isBefore(telStart)) {
                continue;
            }
            LocalDate vensterEinde = d.kalender.vensterEinde(a, VerzuimBeleid.VENSTER_LESWEKEN);
            // the count starts again at each school year, so a window never reaches into the next one
            LocalDate jaarEinde = SchoolKalender.schooljaarStart(a).plusYears(1);
            List<Absentie> inVenster = geteld.stream()
                    .filter(x -> !x.datum().isBefore(a) && x.datum().isBefore(vensterEinde) && x.datum().isBefore(jaarEinde))
                    .toList();
            LocalDate bereikt = null;
            LocalDate bereiktNaWachttijd = null;
            long minuten = 0;
            for (Absentie x : inVenster) {
                minuten += d.minuten(x);
                if (BigDecimal.valueOf(minuten).compareTo(drempelMinuten) < 0) {
                    continue;
                }
                if (bereikt == null) {
                    bereikt = x.datum();
                }
                if (vorigEinde == null || minDagenTussen == 0 || !x.datum().isBefore(vorigEinde.plusDays(minDagenTussen))) {
                    bereiktNaWachttijd = x.datum();
                    break;
                }
            }
            if (bereikt == null) {
                continue;
            }
            LocalDate eind;
            if (bereikt.equals(bereiktNaWachttijd)) {
                eind = bereikt;
            } else if (aaneengesloten(d, vorigEinde, bereiktNaWachttijd != null ? bereiktNaWachttijd : d.vandaag)) {
                if (bereiktNaWachttijd == null) {
                    continue; // continuous absence, within 7 days of the previous report: not yet
                }
                eind = bereiktNaWachttijd;
            } else {
                eind = bereikt;
            }
            LocalDate eindDag = eind;
            List<Absentie> tellen = inVenster.stream().filter(x -> !x.datum().isAfter(eindDag)).toList();
            treffers.add(new Treffer(a, eind, vensterEinde, VerzuimDossier.som(tellen, d), tellen));
            vorigEinde = eind;
            telStart = herstartNaEinde ? eind.plusDays(1) : vensterEinde;
        }
        return treffers;
    }

    /**
     * The one place of R1's spacing of reports, verzuim-rules.md R1 Restart: "if every lesdag after the previous end
     * date was missed whole (unexcused), the next end date is the first day that reaches 16 hours and is at least 7
     * calendar days after the previous end date; counting still starts the day after the previous end date. A student
     * who attended any lesson in between is reported as soon as 16 hours are reached again." Read as: the lesdagen from
     * the day after the previous end date through that later end date (or through today, while it has not come yet)
     * were all missed whole; otherwise the end date is the day the total first reached 16, even when the lesson
     * attended came after it, so hours reached during a spacing that no longer applies are never left unreported.
     * A lesdag without any lesson of this student in the records is no evidence either way (as in R2).
     */
    private static boolean aaneengesloten(VerzuimDossier d, LocalDate vorigEinde, LocalDate tot) {
        for (LocalDate l : d.kalender.lesdagen(vorigEinde.plusDays(1), tot.plusDays(1))) {
            if (d.heeftLes(l) && !d.heleDagGemist(l)) {
                return false;
            }
        }
        return true;
    }
}
