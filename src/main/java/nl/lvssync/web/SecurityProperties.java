package nl.lvssync.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.security.*}: the API and dashboard users, login throttling, and whether a separate management port
 * is open to scrapers without credentials.
 *
 * @param managementPortOpen with {@code management.server.port} set apart (a port only operators reach), the
 *                           actuator on that port needs no login; otherwise its details and Prometheus need ADMIN
 */
@ConfigurationProperties("lvs-sync.security")
record SecurityProperties(List<User> users, @DefaultValue LoginThrottle loginThrottle,
                          @DefaultValue("false") boolean managementPortOpen) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        loginThrottle = loginThrottle == null ? new LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5))
                : loginThrottle;
    }

    /**
     * An API or dashboard user; the password is in Spring Security's {id}encoded form. Roles are read as written
     * anywhere ({@code admin}, {@code ROLE_ADMIN}, {@code Admin}): each is kept as its bare upper-case name.
     */
    record User(String username, String password, List<String> roles, List<String> schools) {
        User {
            roles = roles == null ? List.of() : roles.stream().map(User::role).filter(r -> !r.isEmpty()).distinct().toList();
            schools = schools == null ? List.of() : List.copyOf(schools);
        }

        static String role(String role) {
            String r = role == null ? "" : role.strip().toUpperCase(java.util.Locale.ROOT);
            return r.startsWith("ROLE_") ? r.substring(5) : r;
        }
    }

    /**
     * Failed logins within {@code window}: after {@code maxFailuresPerUser} for one user name, or
     * {@code maxFailuresPerAddress} from one address, every login there is refused for {@code lockout}.
     */
    record LoginThrottle(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                         @DefaultValue("15m") Duration window, @DefaultValue("5m") Duration lockout) {
    }
}
