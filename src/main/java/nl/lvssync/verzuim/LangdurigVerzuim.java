package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.plicht.Plicht;

/**
 * R2 LRV, langdurig relatief verzuim (the thuiszitter): no lesson attended on any lesdag for more than four
 * consecutive lesweken ({@link #melddag}). One alert per episode, its end date moving on while the episode lasts;
 * R1 alerts for the same days still stand.
 */
final class LangdurigVerzuim {

    private LangdurigVerzuim() {
    }

    static List<Bevinding> toets(VerzuimDossier d) {
        List<Absentie> gemist = d.absenties().stream().filter(d::isOngeoorloofdGemist).toList();
        // an episode that fires holds a day of each of its LRV_LESWEKEN full lesweken and one more after them: with no
        // more days missed whole than that none can, and the school year's calendar need not be walked (most students)
        if (gemist.isEmpty() || d.heleDagenGemist() <= VerzuimBeleid.LRV_LESWEKEN) {
            return List.of();
        }
        List<Bevinding> bevindingen = new ArrayList<>();
        List<LocalDate> episode = new ArrayList<>();
        LocalDate van = SchoolKalender.schooljaarStart(gemist.get(0).datum());
        for (LocalDate dag : d.kalender.lesdagen(van, d.vandaag.plusDays(1))) {
            if (!d.heeftLes(dag)) {
                // no lessons for this student that day: no evidence either way, the episode neither grows nor breaks
                continue;
            }
            if (d.heleDagGemist(dag) && d.plicht(dag).telt()) {
                episode.add(dag);
            } else {
                afsluiten(d, episode, bevindingen);
                episode = new ArrayList<>();
            }
        }
        afsluiten(d, episode, bevindingen);
        return bevindingen;
    }

    private static void afsluiten(VerzuimDossier d, List<LocalDate> episode, List<Bevinding> bevindingen) {
        if (episode.isEmpty()) {
            return;
        }
        Optional<LocalDate> gevonden = melddag(d, episode);
        if (gevonden.isEmpty()) {
            return;
        }
        LocalDate melddag = gevonden.get();
        LocalDate start = episode.get(0);
        LocalDate eind = episode.get(episode.size() - 1);
        List<Absentie> geteld = d.absenties().stream()
                .filter(a -> d.isOngeoorloofdGemist(a) && episode.contains(a.datum())).toList();
        boolean onbekend = episode.stream().anyMatch(dag -> d.plicht(dag) == Plicht.ONBEKEND);
        bevindingen.add(new Bevinding(Regel.LRV, null, start, eind, VerzuimDossier.som(geteld, d),
                SchoolKalender.werkdagenNa(melddag, d.beleid.deadlineWerkdagen()), start, eind, onbekend,
                d.onvolledig(start, eind.plusDays(1)), true, episode.size(), geteld.stream().map(d::bijdrage).toList(),
                "Sinds %s geen enkele les bijgewoond: %d lesdagen ongeoorloofd afwezig, meer dan 4 lesweken aaneen (melden sinds %s)."
                        .formatted(start, episode.size(), melddag)
                        + (onbekend ? " Geboortedatum onbekend: leerplicht niet vastgesteld." : "")));
    }

    /**
     * The one place of R2's reading, verzuim-rules.md: "an episode is a run of lesdagen each missed whole and
     * unexcused; a lesweek counts when every lesdag of it lies in the episode (a partly missed first week does not
     * count); the alert fires on the first lesdag of the episode after the Sunday of the fourth such lesweek."
     * The lesdagen of a week are those on which this student has lessons in the records, as for the episode itself.
     *
     * @return the day the alert fires, or empty while the episode has not gone beyond four such lesweken
     */
    private static Optional<LocalDate> melddag(VerzuimDossier d, List<LocalDate> episode) {
        int volleLesweken = 0;
        LocalDate laatste = episode.get(episode.size() - 1);
        for (LocalDate week = SchoolKalender.maandag(episode.get(0)); !week.isAfter(laatste); week = week.plusWeeks(1)) {
            List<LocalDate> lesdagen = d.kalender.lesdagen(week, week.plusDays(7)).stream()
                    .filter(l -> d.heeftLes(l)).toList();
            if (!lesdagen.isEmpty() && episode.containsAll(lesdagen) && ++volleLesweken == VerzuimBeleid.LRV_LESWEKEN) {
                LocalDate zondag = week.plusDays(6);
                return episode.stream().filter(dag -> dag.isAfter(zondag)).findFirst();
            }
        }
        return Optional.empty();
    }
}
