package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.plicht.Plicht;

/**
 * R2 LRV, langdurig relatief verzuim (the thuiszitter): no lesson attended on any lesdag for more than four
 * consecutive lesweken. Fires on the first lesdag after four full lesweken of such absence; one alert per
 * episode, its end date moving on while the episode lasts.
 */
final class LangdurigVerzuim {

    private LangdurigVerzuim() {
    }

    static List<Bevinding> toets(VerzuimDossier d) {
        List<Absentie> gemist = d.absenties().stream().filter(d::isOngeoorloofdGemist).toList();
        if (gemist.isEmpty()) {
            return List.of();
        }
        List<Bevinding> bevindingen = new ArrayList<>();
        List<LocalDate> episode = new ArrayList<>();
        LocalDate van = SchoolKalender.schooljaarStart(gemist.get(0).datum());
        for (LocalDate dag : d.kalender.lesdagen(van, d.vandaag.plusDays(1))) {
            if (d.lessen(dag).isEmpty()) {
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
        LocalDate start = episode.get(0);
        // a lesweek counts when the episode covers all of its lesdagen: started on or before its first one
        int volle = 0;
        LocalDate eindeVierdeWeek = null;
        for (LocalDate week = SchoolKalender.maandag(start); !week.isAfter(episode.get(episode.size() - 1)); week = week.plusWeeks(1)) {
            List<LocalDate> lesdagen = d.kalender.lesdagen(week, week.plusDays(7)).stream()
                    .filter(l -> !d.lessen(l).isEmpty()).toList();
            if (lesdagen.isEmpty()) {
                continue;
            }
            if (episode.containsAll(lesdagen)) {
                volle++;
                if (volle == VerzuimBeleid.LRV_LESWEKEN) {
                    eindeVierdeWeek = week.plusDays(7);
                    break;
                }
            }
        }
        if (eindeVierdeWeek == null) {
            return;
        }
        LocalDate grens = eindeVierdeWeek;
        LocalDate melddag = episode.stream().filter(dag -> !dag.isBefore(grens)).findFirst().orElse(null);
        if (melddag == null) {
            return;
        }
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
}
