package nl.lvssync.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import nl.lvssync.verzuim.kalender.Schoolvakanties;

/**
 * A school year (schooljaar, 1 August to 31 July) in one holiday region: its lesdagen (weekdays outside the
 * region's holidays and the national days off) numbered 0, 1, 2, … so absence episodes can be laid out in
 * lesdagen. Where the holiday table has no data the weekdays simply have lessons.
 */
final class Schooljaar {

    private static final Map<String, Schooljaar> CACHE = new ConcurrentHashMap<>();

    private final int startYear;
    private final LocalDate start;
    private final LocalDate end;
    /** per day of the year (offset from 1 August): its lesdag number, or -1 when there are no lessons */
    private final int[] lesdagByOffset;
    private final LocalDate[] lesdagen;
    /** per lesdag: its lesweek number (weeks without lesdagen are not lesweken and get no number) */
    private final int[] lesweekByLesdag;
    /** the last lesdag before each holiday (voor de vakantie) */
    private final int[] voorVakantie;

    private Schooljaar(Regio regio, int startYear) {
        this.startYear = startYear;
        this.start = LocalDate.of(startYear, Month.AUGUST, 1);
        this.end = LocalDate.of(startYear + 1, Month.JULY, 31);
        List<Schoolvakantie> holidays = Schoolvakanties.forRegion(regio);
        Set<LocalDate> daysOff = new HashSet<>(feestdagen(startYear + 1));
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        lesdagByOffset = new int[days];
        List<LocalDate> list = new ArrayList<>();
        List<Integer> weeks = new ArrayList<>();
        int lesweek = -1;
        LocalDate lastMonday = null;
        for (int i = 0; i < days; i++) {
            LocalDate d = start.plusDays(i);
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            boolean off = daysOff.contains(d) || holidays.stream().anyMatch(h -> h.contains(d));
            if (!weekday || off) {
                lesdagByOffset[i] = -1;
                continue;
            }
            LocalDate monday = d.with(DayOfWeek.MONDAY);
            if (!monday.equals(lastMonday)) {
                lesweek++;
                lastMonday = monday;
            }
            lesdagByOffset[i] = list.size();
            list.add(d);
            weeks.add(lesweek);
        }
        lesdagen = list.toArray(LocalDate[]::new);
        lesweekByLesdag = weeks.stream().mapToInt(Integer::intValue).toArray();
        voorVakantie = holidays.stream()
                .filter(h -> !h.from().isBefore(start.plusDays(7)) && !h.from().isAfter(end))
                .mapToInt(h -> lastLesdagBefore(h.from()))
                .filter(i -> i >= 0)
                .distinct().sorted().toArray();
    }

    /** The school year that contains the date. */
    static Schooljaar of(Regio regio, LocalDate date) {
        int startYear = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
        return CACHE.computeIfAbsent(regio + "/" + startYear, k -> new Schooljaar(regio, startYear));
    }

    int startYear() {
        return startYear;
    }

    LocalDate start() {
        return start;
    }

    LocalDate end() {
        return end;
    }

    /** Magister's lesperiode code, e.g. "2627" for 2026-2027. */
    String lesperiode() {
        return String.format("%02d%02d", startYear % 100, (startYear + 1) % 100);
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The date's lesdag number, or -1 when the date has no lessons or lies outside this school year. */
    int lesdag(LocalDate date) {
        return contains(date) ? lesdagByOffset[(int) ChronoUnit.DAYS.between(start, date)] : -1;
    }

    LocalDate datum(int lesdag) {
        return lesdagen[lesdag];
    }

    int lesdagen() {
        return lesdagen.length;
    }

    int lesweek(int lesdag) {
        return lesweekByLesdag[lesdag];
    }

    int[] voorVakantie() {
        return voorVakantie.clone();
    }

    private int lastLesdagBefore(LocalDate date) {
        for (LocalDate d = date.minusDays(1); !d.isBefore(start); d = d.minusDays(1)) {
            int i = lesdag(d);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** National days off of the given year, from the same table the rules use. */
    static List<LocalDate> feestdagen(int year) {
        List<LocalDate> days = new ArrayList<>();
        for (nl.lvssync.verzuim.kalender.Schoolvakantie dag : nl.lvssync.verzuim.kalender.Feestdagen.inJaar(year)) {
            for (LocalDate d = dag.from(); !d.isAfter(dag.to()); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }
}
