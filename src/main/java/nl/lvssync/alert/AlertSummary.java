package nl.lvssync.alert;

import java.util.stream.Collectors;
import nl.lvssync.sync.SyncOnceCommand;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alerts line of the {@code sync --once} summary: what is open per school and rule after this run. */
@Component
@Order(0)
class AlertSummary implements SyncOnceCommand.AfterSyncOnce {

    private final JdbcClient jdbc;

    AlertSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String afterSyncOnce() {
        String open = jdbc.sql("SELECT school_id, rule, count(*) AS n FROM alert WHERE status IN ('OPEN','ACKNOWLEDGED')"
                        + " GROUP BY school_id, rule ORDER BY school_id, rule")
                .query((rs, i) -> rs.getString("school_id") + " " + rs.getString("rule") + "=" + rs.getInt("n"))
                .list().stream().collect(Collectors.joining(", "));
        return "alerts open: " + (open.isEmpty() ? "none" : open);
    }
}
