package nl.lvssync.school;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code lvs-sync.schools}: the configured schools, read through {@link SchoolDirectory}. */
@Validated
@ConfigurationProperties("lvs-sync")
record SchoolsProperties(List<@Valid School> schools) {

    SchoolsProperties {
        schools = schools == null ? List.of() : List.copyOf(schools);
    }
}
