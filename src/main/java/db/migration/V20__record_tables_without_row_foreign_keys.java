package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The enrolment, lesson and absence rows lose their foreign key to the student: it cost a lookup per row written (25
 * million lessons a region's year), and on a database without statistics PostgreSQL planned that lookup on a
 * school-wide index, so a first sync grew quadratic. One writer (the sync's record store) writes a student with their
 * records in one transaction, which keeps them consistent. In Java because the constraints' names differ between H2
 * (generated) and PostgreSQL.
 */
public class V20__record_tables_without_row_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ForeignKeys.dropAll(context.getConnection(), List.of("enrolment", "lesson", "absence"));
    }
}
