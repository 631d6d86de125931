package nl.lvssync.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code lvs-sync.notifications.*}: how the outbox is delivered and retried. */
@ConfigurationProperties("lvs-sync.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("true") boolean digestEnabled,
        @DefaultValue("0 0 7 * * ?") String digestCron,
        @DefaultValue Webhook webhook) {

    /** Timeouts of one webhook call; together well below claim-timeout, so a claim outlives its send. */
    public record Webhook(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
                          @DefaultValue("30s") Duration callTimeout) {
    }

    /** Exponential backoff after the given number of failed attempts (1 = the first failure). */
    public Duration backoff(int failedAttempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
