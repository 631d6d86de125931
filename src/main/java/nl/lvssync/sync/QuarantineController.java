package nl.lvssync.sync;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import nl.lvssync.time.ApiTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Records that failed validation, with the reason, for administrators. */
@RestController
public class QuarantineController {

    private final JdbcClient jdbc;

    public QuarantineController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QuarantinedRecord(long id, String school, Long syncRunId, String recordType, String recordKey,
                                    String studentLvsId, String reason, String payload, OffsetDateTime firstSeenAt,
                                    OffsetDateTime lastSeenAt, int occurrences) {
    }

    @GetMapping("/api/quarantine")
    public List<QuarantinedRecord> list(@RequestParam(required = false) String school,
                                        @RequestParam(defaultValue = "500") int limit) {
        String where = school == null || school.isBlank() ? "" : " WHERE school_id = :school";
        JdbcClient.StatementSpec sql = jdbc.sql("SELECT * FROM quarantine" + where
                + " ORDER BY last_seen_at DESC, id DESC LIMIT :limit").param("limit", Math.max(1, Math.min(limit, 5000)));
        if (!where.isEmpty()) {
            sql = sql.param("school", school);
        }
        return sql.query((rs, n) -> new QuarantinedRecord(rs.getLong("id"), rs.getString("school_id"),
                (Long) rs.getObject("sync_run_id", Long.class), rs.getString("record_type"), rs.getString("record_key"),
                rs.getString("student_lvs_id"), rs.getString("reason"), rs.getString("payload"),
                time(rs.getTimestamp("first_seen_at")), time(rs.getTimestamp("last_seen_at")), rs.getInt("occurrences")))
                .list();
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : ApiTime.of(t.toInstant());
    }
}
