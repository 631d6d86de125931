package nl.lvssync.sync;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The sync_run table: every run with its status, counts, timings and error. */
@Repository
class SyncRunRepository {

    private static final String COLUMNS = "id, school_id, status, trigger_type, window_from, window_to, started_at,"
            + " finished_at, students, lessons, absences, quarantined, created, updated, deleted, error";

    private final JdbcClient jdbc;

    SyncRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String school, String trigger, Instant startedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sync_run (school_id, status, trigger_type, started_at) VALUES (?, ?, ?, ?)")
                .params(school, SyncStatus.RUNNING.name(), trigger, Timestamp.from(startedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void window(long id, SyncWindow window) {
        jdbc.sql("UPDATE sync_run SET window_from = ?, window_to = ? WHERE id = ?")
                .params(Date.valueOf(window.from()), Date.valueOf(window.to()), id).update();
    }

    void finish(long id, SyncStatus status, SyncCounts c, String error, Instant finishedAt) {
        jdbc.sql("UPDATE sync_run SET status = ?, finished_at = ?, students = ?, lessons = ?, absences = ?, quarantined = ?,"
                        + " created = ?, updated = ?, deleted = ?, error = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(finishedAt), c.students(), c.lessons(), c.absences(), c.quarantined(),
                        c.created(), c.updated(), c.deleted(), error == null ? null : error.length() > 4000
                                ? error.substring(0, 4000) : error, id)
                .update();
    }

    /**
     * Runs left RUNNING by a stopped process can never finish: say so instead of showing them as running. Only the runs
     * of this instance's own schools: another instance sharing the database syncs its own schools (docs/scaling.md).
     */
    int failInterrupted(Instant now, java.util.Set<Long> ownRuns, java.util.Set<String> ownSchools) {
        int failed = 0;
        for (Map.Entry<Long, String> run : jdbc.sql("SELECT id, school_id FROM sync_run WHERE status = 'RUNNING'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()) {
            long id = run.getKey();
            if (!ownRuns.contains(id) && ownSchools.contains(run.getValue())) {
                failed += jdbc.sql("UPDATE sync_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?"
                                + " AND status = 'RUNNING'")
                        .params(Timestamp.from(now), "interrupted: the service stopped while this run was in progress", id)
                        .update();
            }
        }
        return failed;
    }

    public Optional<SyncRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<SyncRun> recent(String school, int limit) {
        if (school == null || school.isBlank()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run ORDER BY started_at DESC, id DESC LIMIT ?")
                    .param(limit).query(MAPPER).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE school_id = ? ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(school, limit).query(MAPPER).list();
    }

    public Optional<SyncRun> lastSuccessful(String school) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE school_id = ? AND status IN ('SUCCEEDED', 'PARTIAL')"
                + " ORDER BY finished_at DESC, id DESC LIMIT 1").param(school).query(MAPPER).optional();
    }

    private static final RowMapper<SyncRun> MAPPER = (ResultSet rs, int n) -> new SyncRun(
            rs.getLong("id"), rs.getString("school_id"), SyncStatus.valueOf(rs.getString("status")),
            rs.getString("trigger_type"), localDate(rs.getDate("window_from")), localDate(rs.getDate("window_to")),
            instant(rs, "started_at"), instant(rs, "finished_at"),
            new SyncRun.Counts(rs.getInt("students"), rs.getInt("lessons"), rs.getInt("absences"),
                    rs.getInt("quarantined"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("deleted")),
            rs.getString("error"));

    private static java.time.LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
