package nl.lvssync.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The practical limit of the write side: the rows the sync wrote are copied out to files, then loaded with
 * {@code COPY … FROM} into fresh copies of their tables with the same columns, defaults, indexes and foreign keys
 * (among the copies), parents first. Only the loads are timed. Also measures what the rows take on disk.
 * Run last: its 6 GB of loads, and the drop of the copies, push the record tables out of the caches and leave the
 * disk writing for seconds, which would slow whichever phase came next and never happens in production. So it copies
 * the rows as the first sync left them: those not written since ({@code updated_at} up to the sync's end).
 */
final class CopyReference {

    /** The record tables in foreign-key order. */
    static final List<String> TABLES = List.of("student", "enrolment", "lesson", "absence");

    record TableFigures(String table, long rows, long tableBytes, long indexBytes, double loadSeconds) {
        double bytesPerRow() {
            return rows == 0 ? 0 : (double) (tableBytes + indexBytes) / rows;
        }
    }

    record Result(List<TableFigures> tables, double loadSeconds, double dumpSeconds) {
        long rows() {
            return tables.stream().mapToLong(TableFigures::rows).sum();
        }
    }

    private CopyReference() {
    }

    static Result measure(BenchDatabase db, Instant writtenBy) throws SQLException, IOException {
        Path dir = Files.createTempDirectory("lvs-sync-bench-copy");
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Path> files = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            for (String table : TABLES) {
                Path file = dir.resolve(table + ".copy");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    rows.put(table, copy.copyOut("COPY (SELECT * FROM " + table + " WHERE updated_at <= '" + writtenBy
                            + "'::timestamptz) TO STDOUT", out));
                }
                files.put(table, file);
            }
            double dump = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute("DROP TABLE IF EXISTS " + copyOf(table) + " CASCADE");
                    s.execute("CREATE TABLE " + copyOf(table) + " (LIKE " + table + " INCLUDING ALL)");
                }
                for (String table : TABLES) {
                    for (String fk : foreignKeys(c, table)) {
                        s.execute("ALTER TABLE " + copyOf(table) + " ADD " + fk);
                    }
                }
            }
            List<TableFigures> figures = new ArrayList<>();
            double total = 0;
            for (String table : TABLES) {
                long t = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(files.get(table)), 1 << 16)) {
                    copy.copyIn("COPY " + copyOf(table) + " FROM STDIN", in);
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                total += seconds;
                figures.add(new TableFigures(table, rows.get(table), relationBytes(c, table, false),
                        relationBytes(c, table, true), seconds));
            }
            try (Statement s = c.createStatement()) {
                for (int i = TABLES.size() - 1; i >= 0; i--) {
                    String table = TABLES.get(i);
                    s.execute("DROP TABLE " + copyOf(table));
                }
            }
            return new Result(figures, total, dump);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String copyOf(String table) {
        return "bench_copy_" + table;
    }

    /** The table's foreign keys, pointing at the copies where the parent is one of the copied tables. */
    private static List<String> foreignKeys(Connection c, String table) throws SQLException {
        List<String> fks = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                     + " AND conrelid = '" + table + "'::regclass")) {
            while (rs.next()) {
                String def = rs.getString(1);
                for (String parent : TABLES) {
                    def = def.replaceAll("REFERENCES (public\\.)?" + parent + "\\(", "REFERENCES " + copyOf(parent) + "(");
                }
                fks.add(def);
            }
        }
        return fks;
    }

    private static long relationBytes(Connection c, String table, boolean indexes) throws SQLException {
        String f = indexes ? "pg_indexes_size" : "pg_table_size";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + f + "('" + table + "'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
