package nl.lvssync.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.time.ApiTime;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "schools": one indicator per school — its LVS reachable, its last
 * successful sync, its circuit breaker. DOWN when the LVS cannot be reached or the breaker is open.
 */
@Component("schools")
class SchoolHealthContributor implements CompositeHealthContributor {

    private final Map<String, HealthIndicator> indicators = new java.util.LinkedHashMap<>();

    SchoolHealthContributor(SchoolDirectory schools, LvsConnectors connectors, SyncRunRepository runs,
                                   CircuitBreakerRegistry breakers, SyncProperties properties, Clock clock) {
        for (School school : schools.all()) {
            indicators.put(school.id(), new SchoolIndicator(school, connectors, runs, breakers,
                    properties.healthProbeCache(), clock));
        }
    }

    @Override
    public HealthContributor getContributor(String name) {
        return indicators.get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return indicators.entrySet().stream()
                .map(e -> NamedContributor.<HealthContributor>of(e.getKey(), e.getValue())).iterator();
    }

    private static final class SchoolIndicator implements HealthIndicator {
        private final School school;
        private final LvsConnectors connectors;
        private final SyncRunRepository runs;
        private final CircuitBreakerRegistry breakers;
        private final Duration cacheFor;
        private final Clock clock;
        private volatile Probe lastProbe;

        SchoolIndicator(School school, LvsConnectors connectors, SyncRunRepository runs, CircuitBreakerRegistry breakers,
                        Duration cacheFor, Clock clock) {
            this.school = school;
            this.connectors = connectors;
            this.runs = runs;
            this.breakers = breakers;
            this.cacheFor = cacheFor;
            this.clock = clock;
        }

        @Override
        public Health health() {
            boolean reachable = probe();
            CircuitBreaker.State breaker = breakers.circuitBreaker("lvs-" + school.id()).getState();
            Health.Builder health = reachable && breaker != CircuitBreaker.State.OPEN && breaker != CircuitBreaker.State.FORCED_OPEN
                    ? Health.up() : Health.down();
            health.withDetail("lvs", school.lvs().name().toLowerCase())
                    .withDetail("lvsReachable", reachable)
                    .withDetail("circuitBreaker", breaker.name());
            runs.lastSuccessful(school.id()).ifPresentOrElse(r -> health
                            .withDetail("lastSuccessfulSync", ApiTime.of(r.finishedAt()).toString())
                            // R6: stale data is reported, though the LVS itself may be fine
                            .withDetail("dataStale", r.finishedAt().plus(Duration.ofHours(school.staleAfterHours()))
                                    .isBefore(clock.instant())),
                    () -> health.withDetail("lastSuccessfulSync", "never"));
            runs.recent(school.id(), 1).stream().findFirst()
                    .ifPresent(r -> health.withDetail("lastRunStatus", r.status().name()));
            return health.build();
        }

        private boolean probe() {
            long now = System.nanoTime();
            Probe cached = lastProbe;
            if (cached != null && now - cached.at() < cacheFor.toNanos()) {
                return cached.reachable();
            }
            boolean reachable;
            try {
                reachable = connectors.forSchool(school).reachable(school);
            } catch (RuntimeException e) {
                reachable = false;
            }
            lastProbe = new Probe(now, reachable);
            return reachable;
        }

        /** The last reachability probe, so a busy health endpoint does not hammer the LVS. */
        private record Probe(long at, boolean reachable) {
        }
    }
}
