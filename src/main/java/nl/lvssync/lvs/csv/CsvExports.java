package nl.lvssync.lvs.csv;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The csv_export table: every export a school placed, and whether a run applied it. */
@Repository
class CsvExports {

    enum Status { PENDING, APPLIED, REJECTED }

    record Received(long id, String school, CsvKind kind, String fileName, String storedPath, String hash,
                    Instant receivedAt, Status status, int lines, int goodLines, int badLines, LocalDate from, LocalDate to) {
    }

    private static final String COLUMNS = "id, school_id, kind, file_name, stored_path, content_hash, received_at, status,"
            + " lines, good_lines, bad_lines, window_from, window_to";
    private static final RowMapper<Received> MAPPER = (rs, n) -> new Received(rs.getLong("id"), rs.getString("school_id"),
            CsvKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("stored_path"),
            rs.getString("content_hash"), rs.getTimestamp("received_at").toInstant(), Status.valueOf(rs.getString("status")),
            rs.getInt("lines"), rs.getInt("good_lines"), rs.getInt("bad_lines"), rs.getObject("window_from", LocalDate.class),
            rs.getObject("window_to", LocalDate.class));

    private final JdbcClient jdbc;

    CsvExports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(String school, CsvKind kind, String fileName, String storedPath, String hash, Instant at, Status status,
                CsvExport export) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO csv_export (school_id, kind, file_name, stored_path, content_hash, received_at, status, lines,"
                        + " good_lines, bad_lines, window_from, window_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(school, kind.name(), cut(fileName, 300), cut(storedPath, 1000), hash, Timestamp.from(at), status.name(),
                        export.lines(), export.rows().size(), export.bad().size(), date(export.from()), date(export.to()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean known(String school, String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM csv_export WHERE school_id = ? AND content_hash = ?").params(school, hash)
                .query(Integer.class).single() > 0;
    }

    List<Received> pending(String school) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM csv_export WHERE school_id = ? AND status = 'PENDING' ORDER BY received_at, id")
                .param(school).query(MAPPER).list();
    }

    /** The newest readable export of a kind, applied or waiting. */
    Optional<Received> newest(String school, CsvKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM csv_export WHERE school_id = ? AND kind = ? AND status <> 'REJECTED'"
                        + " ORDER BY received_at DESC, id DESC")
                .params(school, kind.name()).query(MAPPER).list().stream().findFirst();
    }

    Optional<Instant> lastReceived(String school) {
        return jdbc.sql("SELECT received_at FROM csv_export WHERE school_id = ? AND status <> 'REJECTED' ORDER BY received_at DESC")
                .param(school).query((rs, n) -> rs.getTimestamp(1).toInstant()).list().stream().findFirst();
    }

    void applied(List<Received> exports, Instant at) {
        for (Received r : exports) {
            jdbc.sql("UPDATE csv_export SET status = 'APPLIED', applied_at = ? WHERE id = ? AND status = 'PENDING'")
                    .params(Timestamp.from(at), r.id()).update();
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(s.length() - max);
    }
}
