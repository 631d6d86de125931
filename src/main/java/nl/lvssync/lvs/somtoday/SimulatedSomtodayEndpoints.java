package nl.lvssync.lvs.somtoday;

import nl.lvssync.school.School;
import org.springframework.modulith.NamedInterface;

/** Where the built-in simulated LVS serves a school configured with {@code lvs: simulator, simulates: somtoday}. */
@NamedInterface("somtoday")
public interface SimulatedSomtodayEndpoints {
    SomtodayEndpoints endpoints(School school);
}
