package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The lessons the timetable cancelled, by key, on PostgreSQL: the write path asks of each absence it writes whether
 * its lesson was cancelled (V29), and a probe of this small partial index answers "no" (nearly always) without visiting
 * the lesson table.
 * H2 (the embedded default) has no partial indexes; its rules read the lessons with the absences instead.
 */
public class V26__lesson_cancelled_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Postgres.is(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE INDEX lesson_cancelled_idx ON lesson (school_id, student_lvs_id, lvs_id)"
                    + " WHERE cancelled = TRUE AND deleted = FALSE");
        }
    }
}
