package nl.lvssync.verzuim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nl.lvssync.verzuim.kalender.Schoolvakantie;

/** R3, luxe verzuim, as verzuim-rules.md words it. */
final class SpecReferentieR3 extends SpecReferentie {

    SpecReferentieR3(GegenereerdeLeerling s) {
        super(s);
    }

    /**
     * "A schoolvakantie here is a holiday period of at least one school week (the regional and school holiday
     * periods); single days off ... are not": at least five school days (Monday to Friday) off.
     */
    static boolean schoolvakantie(Schoolvakantie v) {
        int schooldagen = 0;
        for (LocalDate d = v.from(); !d.isAfter(v.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                schooldagen++;
            }
        }
        return schooldagen >= 5;
    }

    List<Uitkomst> meldingen() {
        // "the last lesday before, or the first lesday after, a holiday"
        TreeSet<LocalDate> randdagen = new TreeSet<>();
        for (Schoolvakantie v : s.vakanties()) {
            if (!schoolvakantie(v)) {
                continue;
            }
            LocalDate voor = v.from().minusDays(1);
            while (!lesdag(voor)) {
                voor = voor.minusDays(1);
            }
            LocalDate na = v.to().plusDays(1);
            while (!lesdag(na)) {
                na = na.plusDays(1);
            }
            randdagen.add(voor);
            randdagen.add(na);
        }
        List<Uitkomst> meldingen = new ArrayList<>();
        for (LocalDate dag : randdagen) {
            if (dag.isBefore(schooljaarStart()) || dag.isAfter(s.vandaag())) {
                continue;
            }
            // "Unexcused absence on a school day ... without granted leave ... flag when a whole lesday adjacent to a
            // holiday is unexcused"
            boolean verlof = registraties.stream().anyMatch(a -> a.datum().equals(dag) && a.verdict() == Verdict.LEAVE);
            if (heleDagGemist(dag) && plichtig(dag) && !verlof) {
                long minuten = registraties.stream().filter(a -> a.datum().equals(dag) && gemist(a)).mapToLong(this::minuten).sum();
                meldingen.add(new Uitkomst(Regel.LUXE, null, dag, dag, uren(minuten), werkdagenNa(dag, 5)));
            }
        }
        return meldingen;
    }
}
