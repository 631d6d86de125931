package nl.lvssync.sync;

import java.util.List;
import nl.lvssync.school.School;
import org.springframework.stereotype.Component;

/** Finds the connector that reads a school's LVS. */
@Component
class LvsConnectors {

    private final List<LvsConnector> connectors;

    LvsConnectors(List<LvsConnector> connectors) {
        this.connectors = connectors;
    }

    public LvsConnector forSchool(School school) {
        return connectors.stream().filter(c -> c.supports(school)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no connector for lvs: " + school.lvs().name().toLowerCase()
                        + " (school " + school.id() + ") yet"));
    }
}
