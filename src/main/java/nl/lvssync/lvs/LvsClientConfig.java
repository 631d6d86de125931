package nl.lvssync.lvs;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.sync.SyncProperties;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client and the per-school circuit breakers every LVS connector shares. Pooled connections are dropped
 * after {@code lvs-sync.sync.pool-keep-alive} idle (default 20 s, below the 30 to 120 s LVS servers keep them), and a
 * GET whose pooled connection turns out to be closed anyway is sent again on a fresh one ({@link StaleConnectionRetry}),
 * so a healthy LVS never reads as unreachable after a quiet minute.
 */
@Configuration(proxyBeanMethods = false)
class LvsClientConfig {

    @Bean(destroyMethod = "")
    OkHttpClient lvsHttpClient(SyncProperties sync) {
        return new OkHttpClient.Builder()
                .connectTimeout(sync.connectTimeout())
                .readTimeout(sync.readTimeout())
                .writeTimeout(sync.readTimeout())
                .connectionPool(new ConnectionPool(sync.poolMaxIdle(), sync.poolKeepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .retryOnConnectionFailure(true)
                .addInterceptor(new StaleConnectionRetry())
                .build();
    }

    @Bean
    CircuitBreakerRegistry lvsCircuitBreakers(SyncProperties sync, MeterRegistry meters) {
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
