package nl.lvssync.verzuim.kalender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A school's calendar: which days are lesdagen (school days) and which weeks lesweken (weeks with at least one
 * lesdag), from its holidays and days off, and from the lessons actually scheduled.
 */
public final class SchoolKalender {

    /** A school week: this many school days (Monday to Friday). */
    private static final int SCHOOLWEEK_DAGEN = 5;

    /** The days the memo below covers, from 1 January 2000: far wider than any school year the rules look at. */
    private static final long MEMO_FROM = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int MEMO_DAYS = 60 * 366;
    private static final byte ONBEKEND = 0;
    private static final byte LESDAG = 1;
    private static final byte GEEN_LESDAG = 2;

    private final List<Schoolvakantie> vrij;
    private final NavigableSet<LocalDate> gepland;
    /**
     * isLesdag per day, filled as asked: the rules ask it for every day of every student's windows, and each answer
     * scans the whole holiday list. Immutable answers, so a race between threads only computes one twice.
     */
    private final byte[] lesdagMemo = new byte[MEMO_DAYS];

    /** The free periods that are schoolvakanties, by start: the same for every student, so found once. */
    private final List<Schoolvakantie> schoolvakanties;

    private SchoolKalender(List<Schoolvakantie> vrij, Set<LocalDate> gepland) {
        this.vrij = List.copyOf(vrij);
        this.gepland = new TreeSet<>(gepland);
        this.schoolvakanties = this.vrij.stream().filter(SchoolKalender::isSchoolvakantie)
                .sorted(java.util.Comparator.comparing(Schoolvakantie::from)).toList();
    }

    /**
     * @param vrijePerioden    holidays and days off (regional, national and the school's own)
     * @param geplandeLesdagen days on which the school had any lesson that took place; empty when unknown
     */
    public static SchoolKalender of(List<Schoolvakantie> vrijePerioden, Set<LocalDate> geplandeLesdagen) {
        return new SchoolKalender(vrijePerioden, geplandeLesdagen);
    }

    /** The region's holidays and the national days off, plus the school's own periods and days off. */
    public static SchoolKalender voorRegio(Regio regio, List<Schoolvakantie> eigen, Set<LocalDate> geplandeLesdagen) {
        return voorRegio(regio, List.of(), eigen, geplandeLesdagen);
    }

    /**
     * As {@link #voorRegio(Regio, List, Set)}, with holidays imported from the public feed: for each school year
     * they cover, they replace the shipped table's.
     */
    public static SchoolKalender voorRegio(Regio regio, List<Schoolvakantie> geimporteerd, List<Schoolvakantie> eigen,
                                           Set<LocalDate> geplandeLesdagen) {
        Set<LocalDate> geimporteerdeJaren = new java.util.HashSet<>();
        geimporteerd.forEach(v -> geimporteerdeJaren.add(schooljaarStart(v.from())));
        List<Schoolvakantie> regionaal = new ArrayList<>(Schoolvakanties.forRegion(regio).stream()
                .filter(v -> !geimporteerdeJaren.contains(schooljaarStart(v.from()))).toList());
        regionaal.addAll(geimporteerd);
        // a school's own holiday overrides the regional one it overlaps (autumn and spring dates are advisory)
        List<Schoolvakantie> vrij = new ArrayList<>(regionaal.stream()
                .filter(r -> eigen.stream().noneMatch(e -> isSchoolvakantie(e)
                        && !e.from().isAfter(r.to()) && !e.to().isBefore(r.from())))
                .toList());
        for (int jaar = 2020; jaar <= 2040; jaar++) {
            vrij.addAll(Feestdagen.inJaar(jaar));
        }
        vrij.addAll(eigen);
        return new SchoolKalender(vrij, geplandeLesdagen);
    }

    public boolean isVrij(LocalDate dag) {
        for (Schoolvakantie v : vrij) {
            if (v.contains(dag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lesdag is a weekday that is not free. Where the school's lesson data covers the date, the day must also
     * have lessons: a day without any lesson at the whole school (an unlisted study day) is no lesdag. Outside the
     * data (future weeks, or no data at all) the holiday calendar decides. Choice: the lesson data can only remove
     * days, so a missing holiday in the table never shortens a window.
     */
    public boolean isLesdag(LocalDate dag) {
        return isLesdag(dag.toEpochDay());
    }

    private boolean isLesdag(long epochDay) {
        long index = epochDay - MEMO_FROM;
        if (index < 0 || index >= MEMO_DAYS) {
            return bepaalLesdag(LocalDate.ofEpochDay(epochDay));
        }
        byte memo = lesdagMemo[(int) index];
        if (memo == ONBEKEND) {
            memo = bepaalLesdag(LocalDate.ofEpochDay(epochDay)) ? LESDAG : GEEN_LESDAG;
            lesdagMemo[(int) index] = memo;
        }
        return memo == LESDAG;
    }

    /** Whether any lesdag lies strictly between the two days (by day number: no dates made on the way). */
    public boolean lesdagTussen(LocalDate na, LocalDate voor) {
        for (long d = na.toEpochDay() + 1; d < voor.toEpochDay(); d++) {
            if (isLesdag(d)) {
                return true;
            }
        }
        return false;
    }

    private boolean bepaalLesdag(LocalDate dag) {
        if (dag.getDayOfWeek() == DayOfWeek.SATURDAY || dag.getDayOfWeek() == DayOfWeek.SUNDAY || isVrij(dag)) {
            return false;
        }
        if (gepland.isEmpty() || dag.isBefore(gepland.first()) || dag.isAfter(gepland.last())) {
            return true;
        }
        return gepland.contains(dag);
    }

    /** Whether the school's LVS gives lessons at all; a CSV school without a lessons export does not. */
    public boolean heeftLesgegevens() {
        return !gepland.isEmpty();
    }

    /** A lesweek: the calendar week (Monday to Sunday) of this day has at least one lesdag. */
    public boolean isLesweek(LocalDate dag) {
        LocalDate maandag = maandag(dag);
        for (int i = 0; i < 5; i++) {
            if (isLesdag(maandag.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    public static LocalDate maandag(LocalDate dag) {
        return dag.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The exclusive end of a window of n lesweken that starts on day a, the one window definition of every rule that
     * counts "within n lesweken" (R1 and the R4 hours signal, LATE and SPROKKEL with n = 4, MAZL with n = 12).
     * verzuim-rules.md, R1: "take the calendar weeks (Monday to Sunday) <em>after</em> A's own week, skip those
     * without a lesdag, and the window ends (exclusive) on A's weekday in the fourth week counted". A's own week is
     * never one of the n, so a holiday week late in the window cannot shrink it: from Friday 26 September 2025 (noord)
     * the weeks of 29 September, 6 and 13 October count, 20 October (herfstvakantie) does not, 27 October does, and
     * the window ends before Friday 31 October. A week with only single days off (Koningsdag, Hemelvaart) still has a
     * lesdag, so it counts.
     */
    public LocalDate vensterEinde(LocalDate a, int lesweken) {
        LocalDate week = maandag(a);
        int geteld = 0;
        // a window never needs more than a year: the guard only stops a calendar without any lesdag
        for (int weken = 0; geteld < lesweken && weken < 60; weken++) {
            week = week.plusWeeks(1);
            if (isLesweek(week)) {
                geteld++;
            }
        }
        return week.plusDays(a.getDayOfWeek().getValue() - 1L);
    }

    /** Lesdagen from (inclusive) to (exclusive). */
    public List<LocalDate> lesdagen(LocalDate from, LocalDate toExclusive) {
        List<LocalDate> dagen = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            if (isLesdag(d)) {
                dagen.add(d);
            }
        }
        return dagen;
    }

    public Optional<LocalDate> volgendeLesdag(LocalDate na) {
        for (LocalDate d = na.plusDays(1); d.isBefore(na.plusDays(400)); d = d.plusDays(1)) {
            if (isLesdag(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public Optional<LocalDate> vorigeLesdag(LocalDate voor) {
        for (LocalDate d = voor.minusDays(1); d.isAfter(voor.minusDays(400)); d = d.minusDays(1)) {
            if (isLesdag(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a free period is a schoolvakantie, the one place of this reading. verzuim-rules.md R3: "A schoolvakantie
     * here is a holiday period of at least one school week (the regional and school holiday periods); single days off
     * (Goede Vrijdag, Koningsdag, Hemelvaart and the day after, Tweede Pinksterdag, study days) are not." Read as: the
     * period holds at least five school days (Monday to Friday), so a free week is one and a long weekend (Thursday to
     * Monday: three school days) is not, however many calendar days it spans.
     */
    public static boolean isSchoolvakantie(Schoolvakantie v) {
        int schooldagen = 0;
        for (LocalDate d = v.from(); !d.isAfter(v.to()) && schooldagen < SCHOOLWEEK_DAGEN; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                schooldagen++;
            }
        }
        return schooldagen >= SCHOOLWEEK_DAGEN;
    }

    /** The schoolvakanties (holidays of a school week or longer, {@link #isSchoolvakantie}) that touch the period. */
    public List<Schoolvakantie> vakanties(LocalDate from, LocalDate to) {
        LocalDate van = from.minusDays(14);
        LocalDate tot = to.plusDays(14);
        List<Schoolvakantie> touching = new ArrayList<>();
        for (Schoolvakantie v : schoolvakanties) {
            if (!v.to().isBefore(van) && !v.from().isAfter(tot)) {
                touching.add(v);
            }
        }
        return touching;
    }

    /** 1 August: the school year, and with it the legal count, starts again. */
    public static LocalDate schooljaarStart(LocalDate dag) {
        LocalDate augustus = LocalDate.of(dag.getYear(), 8, 1);
        return dag.isBefore(augustus) ? augustus.minusYears(1) : augustus;
    }

    /**
     * The deadline n werkdagen (working days) after a day. Werkdagen are Monday to Friday: school holidays do not
     * pause the legal duty to report "onverwijld", so they do not lengthen the deadline.
     */
    public static LocalDate werkdagenNa(LocalDate dag, int n) {
        LocalDate d = dag;
        int geteld = 0;
        while (geteld < n) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                geteld++;
            }
        }
        return d;
    }
}
