package nl.lvssync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of deliveries as the set-wise statements read them: each student once, lessons unique per student and
 * absences unique in the batch (a later copy wins, as a later update would), and the windows inside which what we
 * hold and the delivery lacks is marked deleted.
 */
record StagedRows(List<StudentData> deliveries, List<Lesson> lessons, List<Absence> absences, List<Window> windows) {

    record Lesson(String student, LessonRecord record, String hash) {
    }

    record Absence(String student, AbsenceRecord record, String hash) {
    }

    /** kind 'L' (lessons) or 'A' (absences). */
    record Window(char kind, String student, LocalDate from, LocalDate to) {
    }

    static StagedRows of(List<StudentData> deliveries) {
        List<Lesson> lessons = new ArrayList<>();
        Map<String, Absence> absences = new LinkedHashMap<>();
        List<Window> windows = new ArrayList<>();
        for (StudentData d : deliveries) {
            String student = d.student().lvsId();
            Map<String, LessonRecord> own = new LinkedHashMap<>();
            d.lessons().forEach(l -> own.put(l.lvsId(), l));
            own.values().forEach(l -> lessons.add(new Lesson(student, l, RecordHash.of(l))));
            d.absences().forEach(a -> absences.put(a.lvsId(), new Absence(student, a, RecordHash.of(a))));
            if (d.lessonWindow() != null) {
                windows.add(new Window('L', student, d.lessonWindow().from(), d.lessonWindow().to()));
            }
            if (d.absenceWindow() != null) {
                windows.add(new Window('A', student, d.absenceWindow().from(), d.absenceWindow().to()));
            }
        }
        return new StagedRows(deliveries, lessons, List.copyOf(absences.values()), windows);
    }
}
