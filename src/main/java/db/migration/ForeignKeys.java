package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Drops the foreign keys of tables by what they are, since their names differ between H2 (generated) and PostgreSQL. */
final class ForeignKeys {

    private ForeignKeys() {
    }

    static void dropAll(Connection connection, List<String> tables) throws SQLException {
        List<String[]> drops = new ArrayList<>();
        String in = String.join(", ", tables.stream().map(t -> "'" + t.toLowerCase(Locale.ROOT) + "'").toList());
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, constraint_name FROM information_schema.table_constraints"
                     + " WHERE constraint_type = 'FOREIGN KEY' AND LOWER(table_name) IN (" + in + ")"
                     + " AND table_schema = CURRENT_SCHEMA")) {
            while (rs.next()) {
                drops.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String[] d : drops) {
                s.execute("ALTER TABLE " + d[0] + " DROP CONSTRAINT \"" + d[1] + "\"");
            }
        }
    }
}
