package nl.lvssync.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.lvssync.time.ApiTime;
import nl.lvssync.web.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records who viewed, changed or downloaded what; the person is the one logged in on this request. */
@Component
public class AuditLog {

    /** What was done: seen, changed, or taken away as a file. */
    public enum Action { VIEW, CHANGE, DOWNLOAD, SEARCH }

    /** What it was done to. */
    public enum Subject { ALERT, STUDENT, MELDING, OPP }

    /** One entry as administrators read it. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String subjectType, String subjectId,
                        String school, String student, String detail) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, CurrentUser user, Clock clock) {
        this.jdbc = jdbc;
        this.user = user;
        this.clock = clock;
    }

    public void record(Action action, Subject subject, String subjectId, String school, String student, String detail) {
        jdbc.sql("INSERT INTO audit_log (at, actor, action, subject_type, subject_id, school_id, student_lvs_id, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), cut(user.name(), 200), action.name(), subject.name(),
                        cut(subjectId, 200), school, student == null || student.isEmpty() ? null : cut(student, 64),
                        cut(detail, 1000))
                .update();
    }

    /** Newest first; a blank filter matches everything. */
    public List<Entry> recent(String actor, String school, String subject, String subjectId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        for (String[] f : new String[][] {{"actor", actor}, {"school_id", school},
                {"subject_type", subject == null ? null : subject.strip().toUpperCase(Locale.ROOT)}, {"subject_id", subjectId}}) {
            if (f[1] != null && !f[1].isBlank()) {
                where.append(" AND ").append(f[0]).append(" = ?");
                params.add(f[1].strip());
            }
        }
        params.add(limit);
        return jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY at DESC, id DESC LIMIT ?").params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), ApiTime.of(rs.getTimestamp("at").toInstant()),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("school_id"), rs.getString("student_lvs_id"),
                        rs.getString("detail")))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
