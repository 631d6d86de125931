package nl.lvssync.school;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The school table: one row per configured school, so records, runs and alerts can refer to it, with what the
 * sync and the rules remember about the school. Only this class writes it.
 */
@Repository
public class SchoolRepository {

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last sync attempt and the last successful one; null where there was none. */
    public record SyncTimes(Instant lastAttempt, Instant lastSuccess) {
    }

    /** Inserts or updates the school's row from its configuration. */
    void register(School s) {
        int updated = jdbc.sql("UPDATE school SET name = ?, lvs = ?, region = ? WHERE id = ?")
                .params(s.name(), s.lvs().name(), s.region().name(), s.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO school (id, name, lvs, region) VALUES (?, ?, ?, ?)")
                    .params(s.id(), s.name(), s.lvs().name(), s.region().name()).update();
        }
    }

    /** Whether a sync of the school ever succeeded, so later runs read a sliding window instead of the whole year. */
    public boolean fullSyncDone(String school) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT full_sync_done FROM school WHERE id = ?")
                .param(school).query(Boolean.class).single());
    }

    /** A sync of the school ended at {@code at}; a successful one also counts as the last success and a full sync. */
    public void syncEnded(String school, Instant at, boolean succeeded) {
        if (succeeded) {
            jdbc.sql("UPDATE school SET last_sync_at = ?, last_success_at = ?, full_sync_done = TRUE WHERE id = ?")
                    .params(Timestamp.from(at), Timestamp.from(at), school).update();
        } else {
            jdbc.sql("UPDATE school SET last_sync_at = ? WHERE id = ?").params(Timestamp.from(at), school).update();
        }
    }

    public SyncTimes syncTimes(String school) {
        return jdbc.sql("SELECT last_sync_at, last_success_at FROM school WHERE id = ?").param(school)
                .query((rs, n) -> new SyncTimes(instant(rs.getObject("last_sync_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_success_at", OffsetDateTime.class))))
                .optional().orElse(new SyncTimes(null, null));
    }

    /** The fingerprint of the rule configuration the school's alerts were last evaluated with. */
    public Optional<String> rulesConfigHash(String school) {
        return jdbc.sql("SELECT config_hash FROM school WHERE id = ?").param(school).query(String.class).optional();
    }

    public void rulesConfigHash(String school, String hash) {
        jdbc.sql("UPDATE school SET config_hash = ? WHERE id = ?").params(hash, school).update();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
