package nl.lvssync.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lvssync.notification.OutboxEntry.Channel;
import nl.lvssync.notification.OutboxEntry.Status;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification_outbox table. Every statement joins the caller's transaction, if there is one. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** false when this event already has a row for this recipient and channel (the de-duplication). */
    boolean insert(String eventId, String type, String schoolId, String alertId, String recipient, String recipientName,
                   Channel channel, String payload, Instant now) {
        // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement would
        // abort the caller's whole transaction
        return jdbc.sql("INSERT INTO notification_outbox (event_id, event_type, school_id, alert_id, recipient,"
                        + " recipient_name, channel, payload, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, type, schoolId, alertId, recipient, cut(recipientName, 200), channel.name(), payload,
                        Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    List<OutboxEntry> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at, id LIMIT ?")
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(MAPPER).list();
    }

    /** Takes the row for one dispatcher: exactly one concurrent caller gets true. */
    boolean claim(long id, String token, Instant now, Instant until) {
        return jdbc.sql("UPDATE notification_outbox SET claim_token = ?, claimed_until = ? WHERE id = ?"
                        + " AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until <= ?)")
                .params(token, Timestamp.from(until), id, Timestamp.from(now)).update() == 1;
    }

    /** Moves a waiting row to a later time (quiet hours) without counting an attempt. */
    void defer(long id, Instant until, Instant now) {
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'"
                        + " AND (claimed_until IS NULL OR claimed_until <= ?)")
                .params(Timestamp.from(until), id, Timestamp.from(now)).update();
    }

    boolean markSent(long id, String token, Instant at, String how) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, sent_how = ?, attempts = attempts + 1,"
                        + " claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?")
                .params(Timestamp.from(at), cut(how, 500), id, token).update() == 1;
    }

    void retryLater(long id, String token, Instant next, String error) {
        jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?")
                .params(Timestamp.from(next), cut(error, 2000), id, token).update();
    }

    void park(long id, String token, Instant at, String error) {
        jdbc.sql("UPDATE notification_outbox SET status = 'PARKED', attempts = attempts + 1, parked_at = ?, last_error = ?,"
                        + " claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?")
                .params(Timestamp.from(at), cut(error, 2000), id, token).update();
    }

    /** An administrator's retry: a parked (or waiting) row is due again now, with a fresh set of attempts. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                        + " parked_at = NULL WHERE id = ? AND status IN ('PARKED', 'PENDING')")
                .params(Timestamp.from(now), id).update() == 1;
    }

    int countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'").query(Integer.class).single();
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE id = ?").param(id).query(MAPPER).optional();
    }

    List<OutboxEntry> list(Status status, String school, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM notification_outbox WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (school != null) {
            sql.append(" AND school_id = :school");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").toString())
                .param("limit", limit);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (school != null) {
            spec = spec.param("school", school);
        }
        return spec.query(MAPPER).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static final RowMapper<OutboxEntry> MAPPER = (ResultSet rs, int n) -> new OutboxEntry(
            rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("school_id"),
            rs.getString("alert_id"), rs.getString("recipient"), rs.getString("recipient_name"),
            Channel.valueOf(rs.getString("channel")), rs.getString("payload"), Status.valueOf(rs.getString("status")),
            rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
            instant(rs, "sent_at"), rs.getString("sent_how"), instant(rs, "parked_at"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
