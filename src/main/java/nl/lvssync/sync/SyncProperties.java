package nl.lvssync.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code lvs-sync.sync.*}: when runs start and how the connectors talk to an LVS; the defaults suit a nightly production run. */
@ConfigurationProperties("lvs-sync.sync")
public record SyncProperties(
        @DefaultValue("true") boolean runAtStartup,
        @DefaultValue("true") boolean schedulesEnabled,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("28") int chunkDays,
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
        @DefaultValue("5") int poolMaxIdle) {
}
