package nl.lvssync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A fresh PostgreSQL database for one benchmark run on 127.0.0.1:5432 (user postgres, trust), dropped afterwards unless kept. */
final class BenchDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private final String name;

    private BenchDatabase(String name) {
        this.name = name;
    }

    static BenchDatabase create() {
        String name = "lvs_sync_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        admin("CREATE DATABASE " + name);
        return new BenchDatabase(name);
    }

    /** A database an earlier run kept. */
    static BenchDatabase existing(String name) {
        return new BenchDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user postgres, trust) is needed: " + e.getMessage(), e);
        }
    }
}
