package nl.lvssync;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lvssync.school.School;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything under {@code lvs-sync.*}. */
@Validated
@ConfigurationProperties("lvs-sync")
public record LvsSyncProperties(
        List<@Valid School> schools,
        @Valid Clock clock,
        List<String> adminEmails,
        @Valid @DefaultValue Sync sync,
        @Valid @DefaultValue Security security) {

    public LvsSyncProperties {
        schools = schools == null ? List.of() : List.copyOf(schools);
        adminEmails = adminEmails == null ? List.of() : List.copyOf(adminEmails);
        clock = clock == null ? new Clock(null) : clock;
    }

    /** {@code lvs-sync.clock.fixed}: when set, "now" for the whole service (tests and replays). */
    public record Clock(Instant fixed) {
    }

    /** How the connectors talk to an LVS; the defaults suit a nightly production run. */
    public record Sync(
            @DefaultValue("true") boolean runAtStartup,
            @DefaultValue("true") boolean schedulesEnabled,
            @DefaultValue("500") int batchSize,
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
            @DefaultValue("15s") Duration healthProbeCache) {
    }

    public record Security(List<User> users) {
        public Security {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /** An API or dashboard user; the password is in Spring Security's {id}encoded form. */
    public record User(String username, String password, List<String> roles, List<String> schools) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    public Map<String, School> schoolsById() {
        java.util.LinkedHashMap<String, School> map = new java.util.LinkedHashMap<>();
        schools.forEach(s -> map.put(s.id(), s));
        return map;
    }
}
