package nl.lvssync.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.ClockConfig;

/**
 * A class's timetable (lesrooster): on each lesdag 5 to 8 periods of 50 minutes from 08:30 local time, with
 * a short break after the 3rd and lunch after the 5th. The same weekday has the same subjects every week;
 * now and then a lesson is cancelled (Status 4 or 5) or changed (Status 7, still a lesson).
 */
final class Lesrooster {

    static final int MAX_LESUUR = 8;
    private static final int MINUTES = 50;
    private static final LocalTime[] START = {null, LocalTime.of(8, 30), LocalTime.of(9, 20), LocalTime.of(10, 10),
        LocalTime.of(11, 15), LocalTime.of(12, 5), LocalTime.of(13, 25), LocalTime.of(14, 15), LocalTime.of(15, 5)};
    /** about one lesson in 80 is cancelled (vervallen) */
    private static final double CANCELLED = 0.0125;
    /** about one lesson in 12 that takes place is changed (Status 7) */
    private static final int CHANGED_ONE_IN = 12;

    private Lesrooster() {
    }

    /** How many periods the class has on that weekday. */
    static int lesuren(SimulatedSchool school, Klas klas, DayOfWeek day) {
        return 5 + Mix.below(Mix.hash(school.hash(), 0x1E5L, klas.index(), day.getValue()), 4);
    }

    /** The class's lessons on that date: none when it is no lesdag. */
    static List<SimulatedLesson> lessen(SimulatedSchool school, Klas klas, Schooljaar jaar, LocalDate date) {
        if (jaar.lesdag(date) < 0) {
            return List.of();
        }
        int n = lesuren(school, klas, date.getDayOfWeek());
        List<SimulatedLesson> lessons = new ArrayList<>(n);
        for (int lesuur = 1; lesuur <= n; lesuur++) {
            lessons.add(les(school, klas, date, lesuur));
        }
        return lessons;
    }

    private static SimulatedLesson les(SimulatedSchool school, Klas klas, LocalDate date, int lesuur) {
        long weekly = Mix.hash(school.hash(), 0x5AL, klas.index(), date.getDayOfWeek().getValue(), lesuur);
        Vak vak = Vak.ALLE[Mix.below(weekly, Vak.ALLE.length)];
        Docent docent = school.docent(Mix.below(Mix.hash(school.hash(), klas.index(), vak.id()), SimulatedSchool.DOCENTEN));
        String lokaal = (klas.afdeling() == Klas.Afdeling.VMBO ? "D" : "A")
                + (101 + Mix.below(Mix.hash(school.hash(), 0x10CL, klas.index(), vak.id()), 30));
        long once = Mix.hash(school.hash(), 0xCA5CL, klas.index(), date.toEpochDay(), lesuur);
        // 4 and 5 are vervallen; a changed lesson that takes place (room, teacher) is 7, as live schools show
        int status = Mix.unit(once) < CANCELLED ? 4 + Mix.below(Mix.mix(once), 2)
                : Mix.below(Mix.mix(once ^ 0x7L), CHANGED_ONE_IN) == 0 ? 7 : 1;
        Instant start = ZonedDateTime.of(date, START[lesuur], ClockConfig.AMSTERDAM).toInstant();
        return new SimulatedLesson(lessonId(klas, date, lesuur), date, lesuur, start, start.plusSeconds(MINUTES * 60L),
                vak, docent, lokaal, status, klas.naam());
    }

    /** Unique per class, date and period: the same lesson has the same Id in every response. */
    static long lessonId(Klas klas, LocalDate date, int lesuur) {
        return date.toEpochDay() * 100_000L + klas.index() * 10L + lesuur;
    }
}
