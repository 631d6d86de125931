package nl.lvssync.lvs.magister;

import nl.lvssync.school.School;
import org.springframework.modulith.NamedInterface;

/** Where the built-in simulated LVS serves a school configured with {@code lvs: simulator}. */
@NamedInterface("magister")
public interface SimulatedMagisterEndpoints {
    MagisterEndpoints endpoints(School school);
}
