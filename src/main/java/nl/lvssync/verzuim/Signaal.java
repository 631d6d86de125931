package nl.lvssync.verzuim;

/** The kinds of signaalverzuim (R4 early warning). */
public enum Signaal {
    HOURS, LATE, PATTERN, SPROKKEL
}
