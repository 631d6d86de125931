package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** R2, langdurig relatief verzuim, as verzuim-rules.md words it. */
final class SpecReferentieR2 extends SpecReferentie {

    SpecReferentieR2(GegenereerdeLeerling s) {
        super(s);
    }

    List<Uitkomst> meldingen() {
        // "an episode is a run of lesdagen each missed whole and unexcused" (by a student subject to the duty)
        List<List<LocalDate>> episodes = reeksen(dag -> heleDagGemist(dag) && plichtig(dag));
        List<Uitkomst> meldingen = new ArrayList<>();
        for (List<LocalDate> e : episodes) {
            // "a lesweek counts when every lesdag of it lies in the episode (a partly missed first week does not count)"
            int volleWeken = 0;
            LocalDate zondagVierdeWeek = null;
            for (LocalDate week = maandag(e.get(0)); !week.isAfter(e.get(e.size() - 1)); week = week.plusWeeks(1)) {
                List<LocalDate> lesdagen = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    if (lesdag(week.plusDays(i))) {
                        lesdagen.add(week.plusDays(i));
                    }
                }
                if (!lesdagen.isEmpty() && e.containsAll(lesdagen)) {
                    volleWeken++;
                    if (volleWeken == 4) {
                        zondagVierdeWeek = week.plusDays(6);
                        break;
                    }
                }
            }
            if (zondagVierdeWeek == null) {
                continue;
            }
            // "the alert fires on the first lesdag of the episode after the Sunday of the fourth such lesweek. Its start
            // date is the episode's first day, its end date the episode's last day so far."
            LocalDate zondag = zondagVierdeWeek;
            e.stream().filter(dag -> dag.isAfter(zondag)).findFirst().ifPresent(melddag -> meldingen.add(
                    new Uitkomst(Regel.LRV, null, e.get(0), e.get(e.size() - 1), null, werkdagenNa(melddag, 5))));
        }
        return meldingen;
    }
}
