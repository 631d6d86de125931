package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * R4 signaalverzuim: early warnings below the legal threshold (school policy). A signal never repeats for the same
 * window: after one fires, the next window starts where that one ends.
 */
final class Signaalverzuim {

    private Signaalverzuim() {
    }

    static List<Bevinding> toets(VerzuimDossier d, List<Bevinding> wettelijk) {
        List<Bevinding> signalen = new ArrayList<>();
        signalen.addAll(uren(d, wettelijk));
        signalen.addAll(teLaat(d));
        signalen.addAll(patroon(d));
        signalen.addAll(sprokkel(d));
        return signalen;
    }

    /**
     * HOURS: at least signal-hours unexcused within 4 lesweken. It escalates into R1: when the 16th hour is reached
     * on the same day as the signal's threshold, only the R1 alert is raised, so nobody gets two alerts for one day.
     */
    private static List<Bevinding> uren(VerzuimDossier d, List<Bevinding> wettelijk) {
        List<Absentie> geteld = d.absenties().stream().filter(d::isOngeoorloofdGemist).toList();
        return UrenVenster.tel(geteld, d, d.beleid.signaalUren(), 0, false).stream()
                .filter(t -> wettelijk.stream().noneMatch(r -> r.eindDatum().equals(t.eind())))
                .map(t -> signaal(d, Signaal.HOURS, t.start(), t.eind(), t.vensterEinde(), t.uren(), t.geteld(),
                        "%s uur ongeoorloofd verzuim binnen 4 lesweken (signaalgrens %s uur)."
                                .formatted(plain(t.uren()), plain(d.beleid.signaalUren()))))
                .toList();
    }

    /** LATE: at least late-count late arrivals (te laat) within 4 lesweken, anchored on the first one. */
    private static List<Bevinding> teLaat(VerzuimDossier d) {
        List<Absentie> laat = d.absenties().stream().filter(a -> a.verdict() == Verdict.LATE).toList();
        List<Bevinding> result = new ArrayList<>();
        LocalDate volgende = null;
        for (Absentie eerste : laat) {
            LocalDate a = eerste.datum();
            if (volgende != null && a.isBefore(volgende)) {
                continue;
            }
            LocalDate eind = d.kalender.vensterEinde(a, VerzuimBeleid.VENSTER_LESWEKEN);
            List<Absentie> inVenster = laat.stream().filter(x -> !x.datum().isBefore(a) && x.datum().isBefore(eind)).toList();
            if (inVenster.size() >= d.beleid.teLaatAantal()) {
                List<Absentie> geteld = inVenster.subList(0, d.beleid.teLaatAantal());
                boolean onbekend = geteld.stream().anyMatch(x -> VerzuimDossier.minutenTeLaat(x).isEmpty());
                result.add(signaal(d, Signaal.LATE, a, geteld.get(geteld.size() - 1).datum(), eind, null, geteld,
                        "%d keer te laat binnen 4 lesweken%s.".formatted(geteld.size(), onbekend ? "; " + TeLaat.ONBEKEND : "")));
                volgende = eind;
            }
        }
        return result;
    }

    /** PATTERN: unexcused absence on the same weekday in pattern-weeks of the last 4 lesweken. */
    private static List<Bevinding> patroon(VerzuimDossier d) {
        List<Absentie> gemist = d.absenties().stream().filter(d::isOngeoorloofdGemist).toList();
        if (gemist.isEmpty()) {
            return List.of();
        }
        TreeSet<LocalDate> dagen = gemist.stream().map(Absentie::datum).collect(Collectors.toCollection(TreeSet::new));
        List<LocalDate> lesweken = new ArrayList<>();
        for (LocalDate w = SchoolKalender.maandag(gemist.get(0).datum()); !w.isAfter(d.vandaag); w = w.plusWeeks(1)) {
            if (d.kalender.isLesweek(w)) {
                lesweken.add(w);
            }
        }
        Map<LocalDate, Integer> leswekNummer = new HashMap<>();
        for (int i = 0; i < lesweken.size(); i++) {
            leswekNummer.put(lesweken.get(i), i);
        }
        List<Bevinding> result = new ArrayList<>();
        for (DayOfWeek dag : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            int vrijVanaf = 0;
            // the days missed in date order: for each weekday, the lesweken it was missed in come up in their order,
            // which is all the walk over every lesweek and weekday looked at (a lesweek without a miss never fires)
            for (LocalDate deze : dagen) {
                Integer i = deze.getDayOfWeek() == dag ? leswekNummer.get(SchoolKalender.maandag(deze)) : null;
                if (i == null || i < 3 || i - 3 < vrijVanaf) {
                    continue;
                }
                List<LocalDate> treffers = new ArrayList<>();
                for (int j = i - 3; j <= i; j++) {
                    LocalDate x = lesweken.get(j).plusDays(dag.getValue() - 1L);
                    if (dagen.contains(x)) {
                        treffers.add(x);
                    }
                }
                if (treffers.size() >= d.beleid.patroonWeken()) {
                    List<Absentie> geteld = gemist.stream().filter(a -> treffers.contains(a.datum())).toList();
                    result.add(signaal(d, Signaal.PATTERN, treffers.get(0), deze, lesweken.get(i).plusDays(7),
                            VerzuimDossier.som(geteld, d), geteld, "Ongeoorloofd afwezig op %s in %d van de laatste 4 lesweken."
                                    .formatted(dagnaam(dag), treffers.size())));
                    vrijVanaf = i + 1;
                }
            }
        }
        return result;
    }

    /**
     * SPROKKEL: unexcused absence on at least sprokkel-days different lesdagen within 4 lesweken, each less than a
     * whole day. A day without lesson data to compare counts as part of a day: the reading that warns rather than not.
     */
    private static List<Bevinding> sprokkel(VerzuimDossier d) {
        List<Absentie> gemist = d.absenties().stream().filter(d::isOngeoorloofdGemist).toList();
        List<LocalDate> deeldagen = gemist.stream().map(Absentie::datum).distinct().sorted()
                .filter(dag -> !d.heleDagGemist(dag)).toList();
        List<Bevinding> result = new ArrayList<>();
        LocalDate volgende = null;
        for (LocalDate a : deeldagen) {
            if (volgende != null && a.isBefore(volgende)) {
                continue;
            }
            LocalDate eind = d.kalender.vensterEinde(a, VerzuimBeleid.VENSTER_LESWEKEN);
            List<LocalDate> inVenster = deeldagen.stream().filter(x -> !x.isBefore(a) && x.isBefore(eind)).toList();
            if (inVenster.size() >= d.beleid.sprokkelDagen()) {
                List<LocalDate> telDagen = inVenster.subList(0, d.beleid.sprokkelDagen());
                List<Absentie> geteld = gemist.stream().filter(x -> telDagen.contains(x.datum())).toList();
                result.add(signaal(d, Signaal.SPROKKEL, a, telDagen.get(telDagen.size() - 1), eind,
                        VerzuimDossier.som(geteld, d), geteld,
                        "Sprokkelverzuim: op %d verschillende lesdagen binnen 4 lesweken een deel van de dag ongeoorloofd afwezig."
                                .formatted(telDagen.size())));
                volgende = eind;
            }
        }
        return result;
    }

    private static Bevinding signaal(VerzuimDossier d, Signaal soort, LocalDate start, LocalDate eind, LocalDate vensterEinde,
                                     BigDecimal uren, List<Absentie> geteld, String toelichting) {
        return new Bevinding(Regel.SIGNAL, soort, start, eind, uren, null, start, vensterEinde.minusDays(1), false,
                d.onvolledig(start, vensterEinde), d.alleLessenGemist(geteld),
                (int) geteld.stream().map(Absentie::datum).distinct().count(), geteld.stream().map(d::bijdrage).toList(),
                toelichting);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    private static String dagnaam(DayOfWeek dag) {
        return switch (dag) {
            case MONDAY -> "maandag";
            case TUESDAY -> "dinsdag";
            case WEDNESDAY -> "woensdag";
            case THURSDAY -> "donderdag";
            default -> "vrijdag";
        };
    }
}
