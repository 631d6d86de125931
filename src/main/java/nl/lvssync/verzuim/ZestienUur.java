package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.List;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.plicht.Plicht;

/** R1 LEGAL_16H: 16 hours of unexcused absence within four lesweken (Lpw art. 21a). */
final class ZestienUur {

    /** Continuous absence gives at most one report per 7 calendar days. */
    static final int DAGEN_TUSSEN_MELDINGEN = 7;

    private ZestienUur() {
    }

    static List<Bevinding> toets(VerzuimDossier d) {
        List<Absentie> geteld = d.absenties().stream().filter(d::teltWettelijk).toList();
        // Continuous absence reaches 16 hours within days again; the spec's "at most one report per 7 calendar
        // days" is kept by letting the running total go on until the end date is 7 days after the previous one.
        return UrenVenster.tel(geteld, d, VerzuimBeleid.WETTELIJKE_UREN, DAGEN_TUSSEN_MELDINGEN, true).stream()
                .map(t -> bevinding(d, t)).toList();
    }

    private static Bevinding bevinding(VerzuimDossier d, UrenVenster.Treffer t) {
        LocalDate vensterTot = t.vensterEinde().minusDays(1);
        List<LocalDate> dagen = t.geteld().stream().map(Absentie::datum).distinct().toList();
        boolean onbekend = t.geteld().stream().anyMatch(a -> d.plicht(a.datum()) == Plicht.ONBEKEND);
        return new Bevinding(Regel.LEGAL_16H, null, t.start(), t.eind(), t.uren(),
                SchoolKalender.werkdagenNa(t.eind(), d.beleid.deadlineWerkdagen()), t.start(), vensterTot, onbekend,
                d.onvolledig(t.start(), t.vensterEinde()), d.alleLessenGemist(t.geteld()), dagen.size(),
                t.geteld().stream().map(d::bijdrage).toList(),
                "%s uur ongeoorloofd verzuim op %d dag(en) binnen 4 lesweken (%s t/m %s); de 16 uur is bereikt op %s."
                        .formatted(t.uren().stripTrailingZeros().toPlainString(), dagen.size(), t.start(), vensterTot, t.eind())
                        + (onbekend ? " Geboortedatum onbekend: leerplicht niet vastgesteld." : ""));
    }
}
