package nl.lvssync.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.sync.*}: when runs start and how the connectors talk to an LVS; the defaults suit a nightly production run.
 * {@code parallel-schools} schools sync at once in this instance; each school's LVS gets at most
 * {@code max-concurrent-requests} requests at a time and {@code max-requests-per-second} a second (0: no rate limit),
 * both overridable per school under {@code lvs-limits}.
 */
@ConfigurationProperties("lvs-sync.sync")
public record SyncProperties(
        @DefaultValue("true") boolean runAtStartup,
        @DefaultValue("true") boolean schedulesEnabled,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("63") int chunkDays,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("120s") Duration maxRateLimitWait,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("50") int circuitBreakerFailureRate,
        @DefaultValue("60s") Duration circuitBreakerOpenFor,
        @DefaultValue("2s") Duration healthProbeTimeout,
        @DefaultValue("15s") Duration healthProbeCache,
        @DefaultValue("20s") Duration poolKeepAlive,
        @DefaultValue("5") int poolMaxIdle,
        @DefaultValue("4") int parallelSchools,
        @DefaultValue("4") int maxConcurrentRequests,
        @DefaultValue("0") double maxRequestsPerSecond) {

    public SyncProperties {
        if (parallelSchools < 1 || maxConcurrentRequests < 1 || maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("lvs-sync.sync.parallel-schools and max-concurrent-requests must be at least 1,"
                    + " max-requests-per-second 0 (no limit) or more");
        }
    }
}
