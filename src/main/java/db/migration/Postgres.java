package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a migration runs on: some steps exist only on PostgreSQL (partial indexes, INCLUDE, VACUUM). */
final class Postgres {

    private Postgres() {
    }

    static boolean is(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
