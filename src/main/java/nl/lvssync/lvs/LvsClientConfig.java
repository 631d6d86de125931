package nl.lvssync.lvs;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import nl.lvssync.LvsSyncProperties;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client and the per-school circuit breakers every LVS connector shares. Pooled connections are dropped
 * after {@code lvs-sync.sync.pool-keep-alive} idle (default 20 s, below the 30 to 120 s LVS servers keep them), and a
 * GET whose pooled connection turns out to be closed anyway is sent again on a fresh one ({@link StaleConnectionRetry}),
 * so a healthy LVS never reads as unreachable after a quiet minute.
 */
@Configuration(proxyBeanMethods = false)
public class LvsClientConfig {

    @Bean(destroyMethod = "")
    OkHttpClient lvsHttpClient(LvsSyncProperties properties,
                               @Value("${lvs-sync.sync.pool-keep-alive:20s}") Duration keepAlive,
                               @Value("${lvs-sync.sync.pool-max-idle:5}") int maxIdle) {
        LvsSyncProperties.Sync sync = properties.sync();
        return new OkHttpClient.Builder()
                .connectTimeout(sync.connectTimeout())
                .readTimeout(sync.readTimeout())
                .writeTimeout(sync.readTimeout())
                .connectionPool(new ConnectionPool(maxIdle, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
                .retryOnConnectionFailure(true)
                .addInterceptor(new StaleConnectionRetry())
                .build();
    }

    @Bean
    CircuitBreakerRegistry lvsCircuitBreakers(LvsSyncProperties properties, MeterRegistry meters) {
        LvsSyncProperties.Sync sync = properties.sync();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(sync.circuitBreakerFailureRate())
                .slidingWindowSize(20)
                .minimumNumberOfCalls(8)
                .waitDurationInOpenState(sync.circuitBreakerOpenFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                // a definite 4xx is the request's fault, not the LVS being down
                .ignoreExceptions(LvsRequestException.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }
}
