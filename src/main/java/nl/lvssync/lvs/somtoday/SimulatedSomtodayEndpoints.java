package nl.lvssync.lvs.somtoday;

import nl.lvssync.school.School;

/** Where the built-in simulated LVS serves a school configured with {@code lvs: simulator, simulates: somtoday}. */
public interface SimulatedSomtodayEndpoints {
    SomtodayEndpoints endpoints(School school);
}
