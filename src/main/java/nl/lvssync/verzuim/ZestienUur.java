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
        // the hours of a report are every counted hour from its start date through its end date, the whole end day
        // included (step 3): the next count starts the day after, so an hour of the end day left out would be in none
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
