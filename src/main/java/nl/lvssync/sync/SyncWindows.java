package nl.lvssync.sync;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.school.School;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import nl.lvssync.verzuim.kalender.Schoolvakanties;

/**
 * Which dates a run re-reads. A first sync reads the whole school year; later runs a sliding window of the
 * last N lesweken (default 6), so absences re-coded late are still seen.
 */
final class SyncWindows {

    private SyncWindows() {
    }

    static SyncWindow of(School school, LocalDate today, boolean full) {
        LocalDate yearStart = schoolYearStart(today);
        if (full) {
            return new SyncWindow(yearStart, today, true);
        }
        List<Schoolvakantie> holidays = new ArrayList<>(Schoolvakanties.forRegion(school.region()));
        school.holidays().forEach(h -> holidays.add(new Schoolvakantie(h.name(), h.from(), h.to())));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int lesweken = isHolidayWeek(monday, holidays) ? 0 : 1;
        // bounded: a school year has about 40 lesweken; never look back more than a year
        for (int i = 0; i < 60 && lesweken < Math.max(1, school.windowLesweken()); i++) {
            monday = monday.minusWeeks(1);
            if (!isHolidayWeek(monday, holidays)) {
                lesweken++;
            }
        }
        return new SyncWindow(monday, today, false);
    }

    static LocalDate schoolYearStart(LocalDate date) {
        LocalDate august = LocalDate.of(date.getYear(), 8, 1);
        return date.isBefore(august) ? august.minusYears(1) : august;
    }

    /** A week whose five weekdays all fall in holidays has no lesdag, so it is no lesweek. */
    private static boolean isHolidayWeek(LocalDate monday, List<Schoolvakantie> holidays) {
        for (int d = 0; d < 5; d++) {
            LocalDate day = monday.plusDays(d);
            if (holidays.stream().noneMatch(h -> h.contains(day))) {
                return false;
            }
        }
        return true;
    }
}
