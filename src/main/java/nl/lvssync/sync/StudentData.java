package nl.lvssync.sync;

import java.util.List;

/**
 * Everything one read gave for one student. Lessons are complete for {@code lessonWindow} and absences for
 * {@code absenceWindow}: what we hold inside such a window and is missing here was removed in the LVS. A null window
 * means the read said nothing about that kind (a CSV students export carries no absences): what we hold is kept.
 */
public record StudentData(StudentRecord student, List<EnrolmentRecord> enrolments, List<LessonRecord> lessons,
                          List<AbsenceRecord> absences, SyncWindow window, SyncWindow lessonWindow,
                          SyncWindow absenceWindow) {

    /** Lessons and absences both complete for the run's window (the API connectors). */
    public StudentData(StudentRecord student, List<EnrolmentRecord> enrolments, List<LessonRecord> lessons,
                       List<AbsenceRecord> absences, SyncWindow window) {
        this(student, enrolments, lessons, absences, window, window, window);
    }

    /** Lessons and absences each complete for its own window, or (null window) not read at all. */
    public static StudentData partial(StudentRecord student, List<EnrolmentRecord> enrolments, List<LessonRecord> lessons,
                                      SyncWindow lessonWindow, List<AbsenceRecord> absences, SyncWindow absenceWindow) {
        SyncWindow window = lessonWindow != null ? lessonWindow : absenceWindow;
        return new StudentData(student, enrolments, lessons, absences, window, lessonWindow, absenceWindow);
    }
}
