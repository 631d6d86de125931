package nl.lvssync.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lvssync.time.ClockConfig;

/**
 * A Somtoday school's lists as the simulator serves them, from the same generated students, timetable and absences as
 * the Magister shapes: absences become absentiemeldingen (consecutive lessons with one code are one melding, over
 * lessons or days; a sickness that reaches the last lesson so far is still open; a late arrival is a Telaat melding
 * ending at the arrival), and every lesson that took place is a waarneming (Aanwezig or Afwezig). Lists are generated
 * once per school, range and day and then paged from memory.
 */
final class SomtodayResponses {

    /** One melding: from its first to its last lesson, or still open. */
    record GenMelding(long id, int student, Absentiecode code, Instant begin, Instant end, int beginLesuur, int eindLesuur,
                      boolean open) {
    }

    private final Clock clock;
    private final Map<String, List<String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > 12;
        }
    };

    SomtodayResponses(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    /** Lists are cached for ten minutes of the clock: lessons that start later show in the next ones. */
    private long tenMinutes() {
        return clock.instant().getEpochSecond() / 600;
    }

    List<String> leerlingen(SimulatedSchool school, int offset, int amount) {
        LocalDate today = today();
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        List<String> items = new ArrayList<>();
        for (int i = offset; i < Math.min(school.studentCount(), offset + amount); i++) {
            items.add(SomtodayJson.leerling(school, school.student(i, today), jaar));
        }
        return items;
    }

    List<String> redenen() {
        List<String> items = new ArrayList<>();
        for (Absentiecode code : Absentiecode.values()) {
            items.add(SomtodayJson.reden(code));
        }
        return items;
    }

    /** The meldingen that overlap from..to. */
    synchronized List<String> meldingen(SimulatedSchool school, LocalDate from, LocalDate to) {
        LocalDate today = today();
        return cache.computeIfAbsent("m/" + school.id() + "/" + from + "/" + to + "/" + tenMinutes(), k -> {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < school.studentCount(); i++) {
                String uuid = school.studentUuid(i);
                GeneratedStudent student = school.student(i, today);
                for (GenMelding m : meldingen(school, i, today, to, clock.instant())) {
                    LocalDate begin = m.begin().atZone(ClockConfig.AMSTERDAM).toLocalDate();
                    LocalDate end = m.open() ? today : m.end().atZone(ClockConfig.AMSTERDAM).toLocalDate();
                    if (!begin.isAfter(to) && !end.isBefore(from)) {
                        items.add(SomtodayJson.melding(m, uuid, student));
                    }
                }
            }
            return items;
        });
    }

    /** The waarnemingen of every lesson that took place from..to (up to now). */
    synchronized List<String> waarnemingen(SimulatedSchool school, LocalDate from, LocalDate to) {
        LocalDate today = today();
        Instant now = clock.instant();
        return cache.computeIfAbsent("w/" + school.id() + "/" + from + "/" + to + "/" + tenMinutes(), k -> {
            Schooljaar jaar = Schooljaar.of(school.regio(), today);
            List<String> items = new ArrayList<>();
            for (LocalDate day = from.isBefore(jaar.start()) ? jaar.start() : from; !day.isAfter(to) && !day.isAfter(today)
                    && !day.isAfter(jaar.end()); day = day.plusDays(1)) {
                for (int i = 0; i < school.studentCount(); i++) {
                    GeneratedStudent student = school.student(i, today);
                    List<SimulatedLesson> lessons = Lesrooster.lessen(school, student.klas(), jaar, day);
                    if (lessons.isEmpty()) {
                        continue;
                    }
                    Map<Integer, Absentiecode> absent = new java.util.HashMap<>();
                    for (GeneratedAbsence a : Verzuimpatroon.of(school, student, jaar).absences(lessons, now)) {
                        absent.put(a.lesson().lesuur(), a.code());
                    }
                    for (SimulatedLesson l : lessons) {
                        if (l.cancelled() || !l.start().isBefore(now)) {
                            continue;
                        }
                        Absentiecode code = absent.get(l.lesuur());
                        boolean afwezig = code != null && code.verantwoordingtype != 2;
                        items.add(SomtodayJson.waarneming(GeneratedAbsence.idOf(l, i), l, school.studentUuid(i), student,
                                afwezig));
                    }
                }
            }
            return items;
        });
    }

    /**
     * One student's meldingen this school year up to {@code until}: the student's lessons walked in time order, each
     * absent lesson extending the open melding of its code or starting a new one; an attended lesson or another code
     * ends it. A cancelled lesson does neither.
     */
    static List<GenMelding> meldingen(SimulatedSchool school, int index, LocalDate today, LocalDate until, Instant now) {
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        GeneratedStudent student = school.student(index, today);
        Verzuimpatroon patroon = Verzuimpatroon.of(school, student, jaar);
        List<GenMelding> result = new ArrayList<>();
        GenMelding current = null;
        SimulatedLesson last = null;
        SimulatedLesson currentLast = null;
        LocalDate end = until.isAfter(today) ? today : until;
        for (LocalDate day = jaar.start(); !day.isAfter(end) && !day.isAfter(jaar.end()); day = day.plusDays(1)) {
            List<SimulatedLesson> lessons = Lesrooster.lessen(school, student.klas(), jaar, day);
            if (lessons.isEmpty()) {
                continue;
            }
            Map<Integer, GeneratedAbsence> absent = new java.util.HashMap<>();
            for (GeneratedAbsence a : patroon.absences(lessons, now)) {
                absent.put(a.lesson().lesuur(), a);
            }
            for (SimulatedLesson l : lessons) {
                if (l.cancelled() || !l.start().isBefore(now)) {
                    continue;
                }
                last = l;
                GeneratedAbsence a = absent.get(l.lesuur());
                if (a != null && a.code().verantwoordingtype == 2) {
                    if (current != null) {
                        result.add(current);
                        current = null;
                    }
                    int minutes = 5 + Mix.below(Mix.hash(school.hash(), 0x7A7EL, a.id()), 31);
                    result.add(new GenMelding(a.id(), index, a.code(), l.start(), l.start().plusSeconds(minutes * 60L),
                            l.lesuur(), l.lesuur(), false));
                } else if (a == null) {
                    if (current != null) {
                        result.add(current);
                        current = null;
                    }
                } else if (current != null && current.code() == a.code()) {
                    current = new GenMelding(current.id(), index, current.code(), current.begin(), l.end(),
                            current.beginLesuur(), l.lesuur(), false);
                    currentLast = l;
                } else {
                    if (current != null) {
                        result.add(current);
                    }
                    current = new GenMelding(a.id(), index, a.code(), l.start(), l.end(), l.lesuur(), l.lesuur(), false);
                    currentLast = l;
                }
            }
        }
        if (current != null) {
            // sick up to the last lesson so far: the melding is still open
            boolean open = current.code() == Absentiecode.ZK && currentLast == last;
            result.add(open ? new GenMelding(current.id(), index, current.code(), current.begin(), null,
                    current.beginLesuur(), 0, true) : current);
        }
        return result;
    }
}
