package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL: the index of students the rules must look at again holds only those (partial), so no key lookup of a
 * student can be planned on it: without statistics the planner took the (school_id, rules_dirty) index for a lookup by
 * school and id and read the whole school per row. H2 has no partial indexes and plans lookups by the key anyway.
 */
public class V21__student_dirty_index_partial extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Postgres.is(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("DROP INDEX student_dirty_idx");
            s.execute("CREATE INDEX student_dirty_idx ON student (school_id) WHERE rules_dirty");
        }
    }
}
