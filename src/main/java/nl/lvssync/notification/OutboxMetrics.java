package nl.lvssync.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code lvs_sync_outbox_backlog{status}}: notifications waiting (PENDING) and given up on (PARKED), read from the
 * outbox when scraped; a growing PENDING line means delivery is stuck, a PARKED one needs an administrator.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        for (String status : new String[] {"PENDING", "PARKED"}) {
            Gauge.builder("lvs_sync_outbox_backlog", jdbc, j -> count(j, status))
                    .description("Notifications in the outbox by status").tag("status", status).register(meters);
        }
    }

    private static double count(JdbcClient jdbc, String status) {
        try {
            return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = ?").param(status).query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: say "unknown", not 0
        }
    }
}
