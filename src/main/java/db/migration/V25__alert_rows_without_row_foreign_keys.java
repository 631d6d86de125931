package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An alert's records and history lose their foreign key to the alert. The check ran once per row (a region's first
 * evaluation writes some 200,000 records), and PostgreSQL plans it from the statistics of the moment and keeps the plan
 * for the connection's life: planned while the alert table looked empty, it scanned the whole table for every row, so
 * the first evaluation of 20,000 students took 43 s instead of 14. One writer (the alert module) inserts an alert before
 * its records and history in one transaction and never deletes an alert, which keeps them consistent.
 */
public class V25__alert_rows_without_row_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ForeignKeys.dropAll(context.getConnection(), List.of("alert_record", "alert_history"));
    }
}
