package nl.lvssync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database of a test's own on the local PostgreSQL (127.0.0.1:5432, user postgres), dropped afterwards. */
public final class PostgresTestDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "lvs_sync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public static PostgresTestDatabase create() {
        PostgresTestDatabase db = new PostgresTestDatabase();
        admin("CREATE DATABASE " + db.name);
        return db;
    }

    public String url() {
        return SERVER + name;
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user postgres) is needed: " + e.getMessage(), e);
        }
    }
}
