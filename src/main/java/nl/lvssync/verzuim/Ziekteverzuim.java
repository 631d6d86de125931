package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * R5 MAZL, zorgwekkend ziekteverzuim: 4 or more sickness episodes within 12 lesweken (signal EPISODES), or the 7th
 * consecutive lesdag of one episode (signal LONG). The two conditions are separate alerts, so one never hides the other
 * when they share a start date. An advice to the coordinator, never a report to DUO; no health reasons in its text.
 */
final class Ziekteverzuim {

    private Ziekteverzuim() {
    }

    /** An episode: consecutive lesdagen with a sick registration; weekends and holidays in between do not break it. */
    record Episode(List<LocalDate> dagen) {
        LocalDate start() {
            return dagen.get(0);
        }
    }

    static List<Bevinding> toets(VerzuimDossier d) {
        List<Absentie> ziek = d.absenties().stream().filter(a -> a.verdict() == Verdict.SICK).toList();
        if (ziek.isEmpty()) {
            return List.of();
        }
        // the sick lesdagen in date order: two follow each other in one episode when no lesdag lies between them, which
        // is the walk over every lesdag from the first sick day to today, asked only between sick days
        TreeSet<LocalDate> ziekeDagen = new TreeSet<>();
        for (Absentie a : ziek) {
            ziekeDagen.add(a.datum());
        }
        List<Episode> episodes = new ArrayList<>();
        List<LocalDate> huidige = new ArrayList<>();
        for (LocalDate dag : ziekeDagen) {
            if (!d.kalender.isLesdag(dag)) {
                // a sick registration on a day the calendar calls free still counts as (the start of) an episode; an
                // episode holds only lesdagen, so this day is in none
                episodes.add(new Episode(List.of(dag)));
                continue;
            }
            if (!huidige.isEmpty() && d.kalender.lesdagTussen(huidige.get(huidige.size() - 1), dag)) {
                episodes.add(new Episode(List.copyOf(huidige)));
                huidige.clear();
            }
            huidige.add(dag);
        }
        if (!huidige.isEmpty()) {
            episodes.add(new Episode(List.copyOf(huidige)));
        }
        episodes.sort(java.util.Comparator.comparing(Episode::start));

        List<Bevinding> result = new ArrayList<>(lang(d, episodes, ziek));
        result.addAll(episodes(d, episodes, ziek));
        return result;
    }

    /** LONG: "the 7th consecutive lesday of one sickness episode", once per episode, on that day. */
    private static List<Bevinding> lang(VerzuimDossier d, List<Episode> episodes, List<Absentie> ziek) {
        List<Bevinding> result = new ArrayList<>();
        int lengte = d.beleid.mazlAaneengeslotenDagen();
        for (Episode e : episodes) {
            if (e.dagen().size() >= lengte) {
                List<LocalDate> dagen = e.dagen().subList(0, lengte);
                result.add(mazl(d, Signaal.LONG, e.start(), dagen.get(lengte - 1), ziek, dagen,
                        "%de aaneengesloten lesdag ziek gemeld (sinds %s): overweeg verwijzing naar de jeugdarts."
                                .formatted(lengte, e.start())));
            }
        }
        return result;
    }

    /**
     * EPISODES: "4 or more sick reports (ziekmeldingen, distinct episodes) within 12 lesweken", on the day the 4th
     * starts, with the start of the first as its start date. "Within 12 lesweken" is the window of R1 with 12 for 4
     * ({@link nl.lvssync.verzuim.kalender.SchoolKalender#vensterEinde}), anchored at the first episode's start: four
     * episodes fit in some 12 lesweken exactly when they fit in those from the first, since a later start never ends
     * its window earlier. "The 4-in-12 alert fires again only for 4 episodes all later than those of its previous
     * alert."
     */
    private static List<Bevinding> episodes(VerzuimDossier d, List<Episode> episodes, List<Absentie> ziek) {
        List<Bevinding> result = new ArrayList<>();
        int aantal = d.beleid.mazlEpisodes();
        int eersteVrije = 0;
        for (int k = aantal - 1; k < episodes.size(); k++) {
            int eerste = k - aantal + 1;
            if (eerste < eersteVrije) {
                continue;
            }
            LocalDate start = episodes.get(eerste).start();
            if (episodes.get(k).start().isBefore(d.kalender.vensterEinde(start, d.beleid.mazlWeken()))) {
                List<LocalDate> dagen = episodes.subList(eerste, k + 1).stream().flatMap(e -> e.dagen().stream()).toList();
                result.add(mazl(d, Signaal.EPISODES, start, episodes.get(k).start(), ziek, dagen,
                        "%d ziekmeldingen binnen %d lesweken (sinds %s): overweeg verwijzing naar de jeugdarts."
                                .formatted(aantal, d.beleid.mazlWeken(), start)));
                eersteVrije = k + 1;
            }
        }
        return result;
    }

    private static Bevinding mazl(VerzuimDossier d, Signaal signaal, LocalDate start, LocalDate eind, List<Absentie> ziek,
                                  List<LocalDate> dagen, String toelichting) {
        List<Absentie> geteld = ziek.stream().filter(a -> dagen.contains(a.datum())).toList();
        return new Bevinding(Regel.MAZL, signaal, start, eind, null, null, start, eind, false,
                d.onvolledig(start, eind.plusDays(1)), null, dagen.size(), geteld.stream().map(d::bijdrage).toList(),
                toelichting);
    }
}
