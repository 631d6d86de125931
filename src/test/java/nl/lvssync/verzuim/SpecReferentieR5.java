package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** R5, zorgwekkend ziekteverzuim (MAZL), as verzuim-rules.md and service-contract.md word it. */
final class SpecReferentieR5 extends SpecReferentie {

    SpecReferentieR5(GegenereerdeLeerling s) {
        super(s);
    }

    List<Uitkomst> meldingen() {
        // "An episode is a run of consecutive lesdagen with a sick registration (holidays and weekends in between do
        // not break it)"
        List<List<LocalDate>> episodes = reeksen(dag -> registraties.stream()
                .anyMatch(a -> a.datum().equals(dag) && a.verdict() == Verdict.SICK));
        List<Uitkomst> meldingen = new ArrayList<>();
        // "the 7th consecutive lesday of one sickness episode" ("signal": "LONG"); "it fires on the day the condition is
        // first met"
        for (List<LocalDate> e : episodes) {
            if (e.size() >= 7) {
                meldingen.add(new Uitkomst(Regel.MAZL, "LONG", e.get(0), e.get(6), null, null));
            }
        }
        // "4 or more sick reports (ziekmeldingen, distinct episodes) within 12 lesweken" ("signal": "EPISODES"); "The
        // 4-in-12 alert fires again only for 4 episodes all later than those of its previous alert."
        int eersteVrije = 0;
        for (int k = 0; k < episodes.size(); k++) {
            int eerste = k - 3;
            if (eerste < eersteVrije) {
                continue;
            }
            LocalDate start = episodes.get(eerste).get(0);
            if (episodes.get(k).get(0).isBefore(vensterEinde(start, 12))) {
                meldingen.add(new Uitkomst(Regel.MAZL, "EPISODES", start, episodes.get(k).get(0), null, null));
                eersteVrije = k + 1;
            }
        }
        return meldingen;
    }
}
