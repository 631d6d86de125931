package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL the key of student_lesson_day carries each day's number of lessons (V27), so the rules read a school's
 * lesson days and their counts from the index alone, as they read the days before; then, where rows exist, a VACUUM,
 * since V27 rewrote every row and autovacuum may be off. H2 (the embedded default) keeps its plain key.
 */
public class V28__student_lesson_day_key_includes_lessons extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!Postgres.is(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE student_lesson_day DROP CONSTRAINT student_lesson_day_pkey,"
                    + " ADD CONSTRAINT student_lesson_day_pkey PRIMARY KEY (school_id, student_lvs_id, lesson_date)"
                    + " INCLUDE (lessons)");
            // never on an empty table: statistics saying "empty" would mislead the planner through a first load
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM student_lesson_day)")) {
                if (rs.next() && rs.getBoolean(1)) {
                    s.execute("VACUUM (ANALYZE) student_lesson_day");
                }
            }
        }
    }
}
