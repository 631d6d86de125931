package nl.lvssync.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Eenheid;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.kalender.SchoolKalender;

/**
 * A student's school year per lesweek, for the chart on the student's page: unexcused, excused and late hours per
 * week, holiday weeks (no lesdag) marked, and data gaps: lesweken in which we hold no lesson of the student at all, so
 * an empty bar there means "unknown", not "present" (R6).
 */
final class StudentChart {

    /** One calendar week; hours in the school's unit, late arrivals as the lessons they were late for. */
    record Week(String label, LocalDate monday, double unexcused, double excused, double late, boolean holiday,
                boolean gap) {
    }

    private StudentChart() {
    }

    static List<Week> weeks(LocalDate from, LocalDate today, List<Les> lessons, List<Absentie> absences,
                            SchoolKalender kalender, Eenheid unit) {
        Set<LocalDate> lessonWeeks = new HashSet<>();
        for (Les l : lessons) {
            lessonWeeks.add(SchoolKalender.maandag(l.datum()));
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = SchoolKalender.maandag(from); !monday.isAfter(today); monday = monday.plusWeeks(1)) {
            double unexcused = 0;
            double excused = 0;
            double late = 0;
            for (Absentie a : absences) {
                if (SchoolKalender.maandag(a.datum()).equals(monday)) {
                    double h = hours(a, unit);
                    switch (a.verdict()) {
                        case UNEXCUSED -> unexcused += h;
                        case LATE, LATE_EXCUSED -> late += h;
                        case NOT_ABSENCE -> { }
                        default -> excused += h;
                    }
                }
            }
            boolean holiday = !kalender.isLesweek(monday);
            boolean gap = !holiday && !lessonWeeks.contains(monday);
            weeks.add(new Week("wk " + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday, round(unexcused),
                    round(excused), round(late), holiday, gap));
        }
        return weeks;
    }

    /** As the 16-hour rule counts a missed lesson: at most 60 minutes is one hour (VO), longer ones their clock time. */
    static double hours(Absentie a, Eenheid unit) {
        java.time.Instant start = a.lesStart() != null ? a.lesStart() : a.start();
        java.time.Instant end = a.lesEind() != null ? a.lesEind() : a.eind();
        if (start == null || end == null || !end.isAfter(start)) {
            return 1;
        }
        long minutes = Duration.between(start, end).toMinutes();
        if (unit == Eenheid.LESSON_PERIODS && minutes <= 60) {
            return 1;
        }
        return minutes / 60.0;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
