package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Whether the student's timetable holds an absence's lesson as cancelled (vervallen), kept on the absence by the write
 * path, so the rules read it with the absence instead of asking the lesson table once per absence. Filled here from the
 * lessons held now. The write path follows a lesson cancelled (or no longer) later through two indexes: absences by
 * their lesson, and, on PostgreSQL, the few absences whose lesson is cancelled.
 */
public class V29__absence_timetable_cancelled extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE absence ADD COLUMN timetable_cancelled BOOLEAN DEFAULT FALSE NOT NULL");
            s.execute("UPDATE absence SET timetable_cancelled = TRUE WHERE lesson_lvs_id IS NOT NULL AND EXISTS"
                    + " (SELECT 1 FROM lesson l WHERE l.school_id = absence.school_id AND l.student_lvs_id = absence.student_lvs_id"
                    + " AND l.lvs_id = absence.lesson_lvs_id AND l.cancelled = TRUE AND l.deleted = FALSE)");
            s.execute("CREATE INDEX absence_lesson_idx ON absence (school_id, student_lvs_id, lesson_lvs_id)");
            if (Postgres.is(context.getConnection())) {
                s.execute("CREATE INDEX absence_timetable_cancelled_idx ON absence (school_id, student_lvs_id)"
                        + " WHERE timetable_cancelled = TRUE");
            }
        }
    }
}
