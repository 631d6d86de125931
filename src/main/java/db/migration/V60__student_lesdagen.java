package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, each student's lesson days (student_lesson_day) also as one row: a bytea of 4-byte numbers in date
 * order, each the day's epoch day times 256 plus its number of lessons (capped at 255). The rules read a school's
 * 2,000 of these instead of its ~400,000 lesson days. Kept by the write path in the transaction that changes the
 * student's lesson days, from student_lesson_day itself, so it cannot drift from it. Half of each page is left free:
 * the row is rewritten when a day is added, and an update that stays on its page (HOT) is pruned without a VACUUM,
 * which matters where autovacuum is off. H2 reads student_lesson_day directly and has no such table.
 */
public class V60__student_lesdagen extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Postgres.is(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE TABLE student_lesdagen (school_id VARCHAR(32) NOT NULL, student_lvs_id VARCHAR(64) NOT NULL,"
                    + " days BYTEA NOT NULL, PRIMARY KEY (school_id, student_lvs_id)) WITH (fillfactor = 50)");
            s.execute("INSERT INTO student_lesdagen (school_id, student_lvs_id, days) SELECT school_id, student_lvs_id, "
                    + LESDAGEN_AGGREGATE + " FROM student_lesson_day GROUP BY school_id, student_lvs_id");
        }
    }

    // as the write path builds it (SetWiseWrites); a migration keeps its own copy, since it must not change later
    private static final String LESDAGEN_AGGREGATE = "COALESCE(string_agg(int4send((lesson_date - DATE '1970-01-01') * 256"
            + " + LEAST(COALESCE(lessons, 0), 255)), ''::bytea ORDER BY lesson_date), ''::bytea)";
}
