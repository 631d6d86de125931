package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.plicht.Plicht;

/**
 * One student's verzuim file (dossier) as every rule reads it: lessons per day, absences in time order (one per
 * lesson, none after today, none that are not absence), and the hours each one counts for.
 */
final class VerzuimDossier {

    final Leerling leerling;
    final SchoolKalender kalender;
    final VerzuimBeleid beleid;
    final LocalDate vandaag;
    private final TreeMap<LocalDate, List<Les>> lessenPerDag = new TreeMap<>();
    // the days handed over with their lessons are lesdagen too, whether or not lesdagen holds them
    private final Lesdagen lesdagen;
    private final List<Absentie> absenties;
    private final Map<LocalDate, Plicht> plichtCache = new HashMap<>();
    private final Map<LocalDate, Set<String>> gemistPerDag = new HashMap<>();
    private final Map<LocalDate, List<Absentie>> perDag = new HashMap<>();

    /**
     * @param lessen   the student's lessons: all of them, or at least every lesson of each day that may have been
     *                 missed whole (see {@link #kanHeelGemistZijn})
     * @param lesdagen further days on which the student had lessons that were not handed over, each with its number
     *                 of lessons (0: not known): a rule asks of such a day only whether it had lessons, since a day on
     *                 which fewer lessons were missed than it had was never missed whole
     */
    VerzuimDossier(Leerling leerling, List<Les> lessen, Lesdagen lesdagen, List<Absentie> alle,
                   SchoolKalender kalender, VerzuimBeleid beleid, LocalDate vandaag) {
        this.leerling = leerling;
        this.kalender = kalender;
        this.beleid = beleid;
        this.vandaag = vandaag;
        for (Les les : lessen) {
            lessenPerDag.computeIfAbsent(les.datum(), d -> new ArrayList<>()).add(les);
        }
        this.lesdagen = lesdagen;
        // one registration per lesson: where the LVS holds two, the one that counts most is kept, so a duplicate
        // excused registration never hides an unexcused one
        Map<String, Absentie> perLes = new LinkedHashMap<>();
        alle.stream()
                .filter(a -> a.verdict() != Verdict.NOT_ABSENCE && a.datum() != null && !a.datum().isAfter(vandaag))
                .sorted(Comparator.comparing(VerzuimDossier::begin).thenComparing(Absentie::lvsId))
                .forEach(a -> perLes.merge(lesSleutel(a), a, (x, y) -> gewicht(y) > gewicht(x) ? y : x));
        this.absenties = perLes.values().stream()
                .sorted(Comparator.comparing(VerzuimDossier::begin).thenComparing(Absentie::lvsId)).toList();
        for (Absentie a : absenties) {
            perDag.computeIfAbsent(a.datum(), x -> new ArrayList<>()).add(a);
            if (isOngeoorloofdGemist(a)) {
                gemistPerDag.computeIfAbsent(a.datum(), x -> new java.util.HashSet<>()).add(lesSleutel(a));
            }
        }
        gemistPerDag.forEach((dag, gemist) -> {
            if (lesdagen.bevat(dag) && !lessenPerDag.containsKey(dag) && kanHeelGemistZijn(dag, gemist)) {
                throw new IllegalArgumentException("lessons of " + dag + " not handed over, though " + gemist.size()
                        + " missed lesson(s) fall on it");
            }
        });
    }

    List<Absentie> absenties() {
        return absenties;
    }

    /** Whether the student had any lesson that day. */
    boolean heeftLes(LocalDate dag) {
        return lesdagen.bevat(dag) || lessenPerDag.containsKey(dag);
    }

    boolean heeftLessen(LocalDate from, LocalDate toExclusive) {
        return lesdagen.heeftTussen(from, toExclusive) || !lessenPerDag.subMap(from, toExclusive).isEmpty();
    }

    Plicht plicht(LocalDate dag) {
        return plichtCache.computeIfAbsent(dag, d -> Plicht.op(leerling, d));
    }

    /**
     * Counts as a missed lesson for the legal rules: unexcused absence, and — the reading that protects the student —
     * an unexcused late arrival of more than the late-minutes threshold, which the spec counts as a missed lesson. A
     * late arrival whose minutes are unknown (Magister) is no missed lesson unless its code says UNEXCUSED.
     */
    boolean isOngeoorloofdGemist(Absentie a) {
        return a.verdict() == Verdict.UNEXCUSED
                || (a.verdict() == Verdict.LATE && minutenTeLaat(a).orElse(0) > beleid.teLaatMinuten());
    }

    /** Counts for R1: a missed lesson on a day the student was subject to the duty (or the status is unknown). */
    boolean teltWettelijk(Absentie a) {
        return isOngeoorloofdGemist(a) && plicht(a.datum()).telt();
    }

    /** Minutes late: from the lesson's start to the registration's start; empty (unknown, not 0) without an arrival time. */
    static java.util.OptionalLong minutenTeLaat(Absentie a) {
        return TeLaat.minuten(a.lesStart(), a.start());
    }

    /**
     * The minutes an absence counts for. LESSON_PERIODS: a lesson of at most 60 minutes is one hour (60), a longer one
     * its clock time; CLOCK_HOURS: clock time. Totals add up whole minutes, so a threshold is compared exactly (three
     * 50-minute lessons and nine of 90 minutes are 16 clock hours, not 15.999999).
     */
    long minuten(Absentie a) {
        Instant van = a.lesStart() != null && a.lesEind() != null ? a.lesStart() : a.start();
        Instant tot = a.lesStart() != null && a.lesEind() != null ? a.lesEind() : a.eind();
        long minuten = van == null || tot == null || !tot.isAfter(van) ? 0 : Duration.between(van, tot).toMinutes();
        return beleid.eenheid() == Eenheid.LESSON_PERIODS && minuten <= 60 ? 60 : minuten;
    }

    BigDecimal uren(Absentie a) {
        return uren(minuten(a));
    }

    private static BigDecimal uren(long minuten) {
        return BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /**
     * Whether the missed lessons could cover every lesson of a day whose lessons were not handed over: a lesson id
     * covers one lesson, so fewer ids than the day's lessons cannot; a registration known only by its start time
     * ("@…") may cover several, and a day whose number of lessons is not known (0) may have any.
     */
    private boolean kanHeelGemistZijn(LocalDate dag, Set<String> gemist) {
        int lessen = lesdagen.lessen(dag);
        return lessen == 0 || gemist.size() >= lessen || gemist.stream().anyMatch(k -> k.startsWith("@"));
    }

    /** How many days were missed whole while the duty counted (or its status is unknown): those R2 can count. */
    long heleDagenGemist() {
        return gemistPerDag.keySet().stream().filter(dag -> heleDagGemist(dag) && plicht(dag).telt()).count();
    }

    /** Every lesson the student had that day was missed unexcused (a whole lesdag); false without lessons. */
    boolean heleDagGemist(LocalDate dag) {
        Set<String> gemist = gemistPerDag.get(dag);
        if (gemist == null || !heeftLes(dag)) {
            // nothing missed that day: never missed whole, whatever its lessons (which need not be handed over)
            return false;
        }
        List<Les> lessen = lessenPerDag.get(dag);
        if (lessen == null) {
            // not handed over: the constructor made sure fewer lessons were missed than the day had
            return false;
        }
        return lessen.stream().allMatch(l -> gemist.contains(l.lvsId()) || gemist.contains("@" + l.start()));
    }

    List<Absentie> op(LocalDate dag) {
        return perDag.getOrDefault(dag, List.of());
    }

    Bijdrage bijdrage(Absentie a) {
        return new Bijdrage(a.lvsId(), a.datum(), a.start(), a.eind(), uren(a), a.code(), a.verdict());
    }

    /**
     * Whether the student missed every lesson of each verzuimdag (the DUO melding's "alle lessen gemist"), counting
     * all the day's unexcused registrations, also those after the 16th hour; null when a day has no lesson data.
     */
    Boolean alleLessenGemist(List<Absentie> geteld) {
        boolean alle = true;
        for (LocalDate dag : geteld.stream().map(Absentie::datum).distinct().toList()) {
            if (!heeftLes(dag)) {
                return null;
            }
            alle &= heleDagGemist(dag);
        }
        return alle;
    }

    /**
     * Data completeness (R6, student level): a lesweek up to today in which the school had lessons but this student
     * has none in our records, so the count may be too low. A school whose LVS gives no lessons at all (a CSV school
     * without a lessons export: lvs-apis.md, "the school calendar decides the lesdagen") has no lessons to miss.
     */
    boolean onvolledig(LocalDate van, LocalDate totExclusief) {
        if (!kalender.heeftLesgegevens() && lesdagen.isEmpty() && lessenPerDag.isEmpty()) {
            return false;
        }
        LocalDate eind = totExclusief.isAfter(vandaag.plusDays(1)) ? vandaag.plusDays(1) : totExclusief;
        for (LocalDate week = SchoolKalender.maandag(van); week.isBefore(eind); week = week.plusWeeks(1)) {
            LocalDate weekVan = week.isBefore(van) ? van : week;
            LocalDate weekTot = week.plusDays(7).isAfter(eind) ? eind : week.plusDays(7);
            boolean schoolLesdag = !kalender.lesdagen(weekVan, weekTot).isEmpty();
            if (schoolLesdag && !heeftLessen(week, week.plusDays(7))) {
                return true;
            }
        }
        return false;
    }

    static Instant begin(Absentie a) {
        return a.lesStart() != null ? a.lesStart() : a.start() != null ? a.start() : a.datum().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    static String lesSleutel(Absentie a) {
        return a.lesLvsId() != null ? a.lesLvsId() : a.lesStart() != null ? "@" + a.lesStart() : "absentie:" + a.lvsId();
    }

    private int gewicht(Absentie a) {
        return switch (a.verdict()) {
            case UNEXCUSED -> 5;
            case LATE -> 4;
            case SICK -> 3;
            default -> 1;
        };
    }

    static BigDecimal som(List<Absentie> absenties, VerzuimDossier d) {
        return uren(absenties.stream().mapToLong(d::minuten).sum());
    }
}
