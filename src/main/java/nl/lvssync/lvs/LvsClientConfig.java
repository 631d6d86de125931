package nl.lvssync.lvs;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.sync.SyncProperties;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client and the per-school circuit breakers every LVS connector shares. */
@Configuration(proxyBeanMethods = false)
class LvsClientConfig {

    @Bean(destroyMethod = "")
    OkHttpClient lvsHttpClient(SyncProperties sync) {
        return new OkHttpClient.Builder()
                .connectTimeout(sync.connectTimeout())
                .readTimeout(sync.readTimeout())
                .writeTimeout(sync.readTimeout())
                .retryOnConnectionFailure(false)
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
