package nl.lvssync.school;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured schools ({@code lvs-sync.schools}), by id. */
@Component
public class SchoolDirectory {

    private final Map<String, School> schools = new LinkedHashMap<>();

    SchoolDirectory(SchoolsProperties properties) {
        properties.schools().forEach(s -> schools.put(s.id(), s));
        if (schools.size() != properties.schools().size()) {
            throw new IllegalStateException("lvs-sync.schools has two schools with the same id");
        }
    }

    public Collection<School> all() {
        return schools.values();
    }

    public Optional<School> find(String id) {
        return Optional.ofNullable(schools.get(id));
    }

    public School require(String id) {
        return find(id).orElseThrow(() -> new UnknownSchoolException(id));
    }

    /** A school id that is not in the configuration. */
    public static class UnknownSchoolException extends RuntimeException {
        public UnknownSchoolException(String id) {
            super("no school with id '" + id + "' is configured (lvs-sync.schools)");
        }
    }
}
