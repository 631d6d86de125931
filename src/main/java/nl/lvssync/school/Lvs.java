package nl.lvssync.school;

/** The kind of LVS (leerlingvolgsysteem: student information system) a school runs. */
public enum Lvs {
    MAGISTER, SOMTODAY, CSV,
    /** the built-in simulated LVS; {@code simulates: magister | somtoday | csv} says which shapes it serves (default magister) */
    SIMULATOR
}
