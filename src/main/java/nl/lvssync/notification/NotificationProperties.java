package nl.lvssync.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lvs-sync.notifications.*}: how the outbox is delivered and retried; the defaults are in application.yml. */
@ConfigurationProperties("lvs-sync.notifications")
record NotificationProperties(
        boolean deliveryEnabled,
        Duration pollInterval,
        int batchSize,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration claimTimeout,
        boolean digestEnabled,
        String digestCron,
        Webhook webhook) {

    /**
     * Timeouts of one webhook call; together well below claim-timeout, so a claim outlives its send.
     *
     * @param secret the key of the signature of every webhook whose coordinator has no {@code webhook-secret}
     */
    public record Webhook(Duration connectTimeout, Duration readTimeout, Duration callTimeout, String secret) {
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
