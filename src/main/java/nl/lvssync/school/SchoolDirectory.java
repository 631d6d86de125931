package nl.lvssync.school;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import nl.lvssync.LvsSyncProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The configured schools, mirrored into the database so records and runs can refer to them. */
@Component
public class SchoolDirectory {

    private final Map<String, School> schools;

    public SchoolDirectory(LvsSyncProperties properties, JdbcClient jdbc) {
        this.schools = properties.schoolsById();
        if (schools.size() != properties.schools().size()) {
            throw new IllegalStateException("lvs-sync.schools has two schools with the same id");
        }
        for (School s : schools.values()) {
            int updated = jdbc.sql("UPDATE school SET name = ?, lvs = ?, region = ? WHERE id = ?")
                    .params(s.name(), s.lvs().name(), s.region().name(), s.id()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO school (id, name, lvs, region) VALUES (?, ?, ?, ?)")
                        .params(s.id(), s.name(), s.lvs().name(), s.region().name()).update();
            }
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
