package nl.lvssync.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.lvssync.time.ApiTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quarantine table: records that failed validation, kept with the reason instead of being dropped. */
@Repository
class QuarantineRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    QuarantineRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A quarantined record as administrators see it. */
    record QuarantinedRecord(long id, String school, Long syncRunId, String recordType, String recordKey,
                             String studentLvsId, String reason, String payload, OffsetDateTime firstSeenAt,
                             OffsetDateTime lastSeenAt, int occurrences) {
    }

    /** Keeps the record, or counts one more occurrence of one already kept. */
    void record(String school, long runId, QuarantineRecord q) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE quarantine SET reason = ?, payload = ?, sync_run_id = ?, last_seen_at = ?,"
                        + " occurrences = occurrences + 1, student_lvs_id = ? WHERE school_id = ? AND record_type = ? AND record_key = ?")
                .params(cut(q.reason(), 1000), cut(q.payload(), 20000), runId, now, q.studentLvsId(), school, q.recordType(),
                        cut(q.recordKey(), 200))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO quarantine (school_id, sync_run_id, record_type, record_key, student_lvs_id, reason,"
                            + " payload, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(school, runId, q.recordType(), cut(q.recordKey(), 200), q.studentLvsId(), cut(q.reason(), 1000),
                            cut(q.payload(), 20000), now, now)
                    .update();
        }
    }

    /** Newest first; school null for every school. BSNs in reason and payload are masked: administrators act on the shape. */
    List<QuarantinedRecord> list(String school, int limit) {
        String where = school == null || school.isBlank() ? "" : " WHERE school_id = :school";
        JdbcClient.StatementSpec sql = jdbc.sql("SELECT * FROM quarantine" + where
                + " ORDER BY last_seen_at DESC, id DESC LIMIT :limit").param("limit", limit);
        if (!where.isEmpty()) {
            sql = sql.param("school", school);
        }
        return sql.query((rs, n) -> new QuarantinedRecord(rs.getLong("id"), rs.getString("school_id"),
                (Long) rs.getObject("sync_run_id", Long.class), rs.getString("record_type"), rs.getString("record_key"),
                rs.getString("student_lvs_id"), BsnMask.mask(rs.getString("reason")), BsnMask.mask(rs.getString("payload")),
                time(rs.getTimestamp("first_seen_at")), time(rs.getTimestamp("last_seen_at")), rs.getInt("occurrences")))
                .list();
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : ApiTime.of(t.toInstant());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
