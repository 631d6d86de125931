package nl.lvssync.sync;

import java.util.List;

/**
 * Everything one run read for one student. Lessons and absences are complete for {@code window}: what we
 * hold inside the window and is missing here was removed in the LVS.
 */
public record StudentData(StudentRecord student, List<EnrolmentRecord> enrolments, List<LessonRecord> lessons,
                          List<AbsenceRecord> absences, SyncWindow window) {
}
