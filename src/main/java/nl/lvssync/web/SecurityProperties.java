package nl.lvssync.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lvs-sync.security.users}: the API and dashboard users. */
@ConfigurationProperties("lvs-sync.security")
record SecurityProperties(List<User> users) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** An API or dashboard user; the password is in Spring Security's {id}encoded form. */
    record User(String username, String password, List<String> roles, List<String> schools) {
        User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }
}
