package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * The windowed hour count of R1 (and of the R4 hours signal): for each absence day A in order, the hours in
 * [A, the same weekday four lesweken later) in time order; the first A whose running total reaches the threshold
 * fires, and counting starts again after it.
 */
final class UrenVenster {

    /** One window that reached the threshold. */
    record Treffer(LocalDate start, LocalDate eind, LocalDate vensterEinde, BigDecimal uren, List<Absentie> geteld) {
    }

    private UrenVenster() {
    }

    /**
     * @param geteld          the absences that count, in time order
     * @param minDagenTussen  during continuous absence, a next hit's end date is at least this many days after the
     *                        previous one (0: no limit)
     * @param herstartNaEinde restart the day after the end date (R1); otherwise after the whole window, so a signal
     *                        never repeats for the same window
     */
    static List<Treffer> tel(List<Absentie> geteld, VerzuimDossier d, BigDecimal drempel, int minDagenTussen,
                             boolean herstartNaEinde) {
        List<Treffer> treffers = new ArrayList<>();
        LocalDate telStart = null;
        LocalDate vorigEinde = null;
        List<LocalDate> dagen = geteld.stream().map(Absentie::datum).distinct().sorted().toList();
        for (LocalDate a : dagen) {
            if (telStart != null && a.isBefore(telStart)) {
                continue;
            }
            LocalDate eind = d.kalender.vensterEinde(a, VerzuimBeleid.VENSTER_LESWEKEN);
            BigDecimal totaal = BigDecimal.ZERO;
            List<Absentie> inVenster = new ArrayList<>();
            for (Absentie x : geteld) {
                if (x.datum().isBefore(a)) {
                    continue;
                }
                if (!x.datum().isBefore(eind)) {
                    break; // in time order: nothing later is in this window
                }
                // the count starts again at each school year
                if (SchoolKalender.schooljaarStart(x.datum()).isAfter(a)) {
                    break;
                }
                totaal = totaal.add(d.uren(x));
                inVenster.add(x);
                boolean vroegGenoeg = vorigEinde == null || minDagenTussen == 0
                        || !x.datum().isBefore(vorigEinde.plusDays(minDagenTussen))
                        || !aaneengesloten(d, vorigEinde, x.datum());
                if (totaal.compareTo(drempel) >= 0 && vroegGenoeg) {
                    treffers.add(new Treffer(a, x.datum(), eind, totaal.setScale(2, java.math.RoundingMode.HALF_UP),
                            List.copyOf(inVenster)));
                    vorigEinde = x.datum();
                    telStart = herstartNaEinde ? x.datum().plusDays(1) : eind;
                    break;
                }
            }
        }
        return treffers;
    }

    /**
     * Continuous absence: every lesdag after the previous end date up to this day was missed whole. Only then does
     * the spacing of reports apply; a student who came to school in between is reported as soon as 16 hours are
     * reached again, so no legal alert waits for a spacing rule meant for thuiszitters.
     */
    private static boolean aaneengesloten(VerzuimDossier d, LocalDate vorigEinde, LocalDate dag) {
        for (LocalDate l : d.kalender.lesdagen(vorigEinde.plusDays(1), dag.plusDays(1))) {
            if (!d.lessen(l).isEmpty() && !d.heleDagGemist(l)) {
                return false;
            }
        }
        return true;
    }
}
