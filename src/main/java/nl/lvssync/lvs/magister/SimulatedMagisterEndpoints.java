package nl.lvssync.lvs.magister;

import nl.lvssync.school.School;

/** Where the built-in simulated LVS serves a school configured with {@code lvs: simulator}. */
public interface SimulatedMagisterEndpoints {
    MagisterEndpoints endpoints(School school);
}
