package nl.lvssync.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is asking, and which schools they may see. */
@Component
public class CurrentUser {

    private final Map<String, SecurityProperties.User> users;

    CurrentUser(SecurityProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toMap(SecurityProperties.User::username, Function.identity(), (a, b) -> a));
    }

    public String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    public boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** null means every school (an administrator). */
    public Set<String> schools() {
        if (isAdmin()) {
            return null;
        }
        SecurityProperties.User user = users.get(name());
        return user == null ? Set.of() : Set.copyOf(user.schools());
    }

    public boolean maySee(String school) {
        Set<String> mine = schools();
        return mine == null || mine.contains(school);
    }

    public void requireSchool(String school) {
        if (!maySee(school)) {
            // the same answer as for a school that does not exist: no hint that it does
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not found");
        }
    }
}
