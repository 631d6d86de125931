package nl.lvssync.verzuim.kalender;

/** Holiday region (noord / midden / zuid) that sets a school's default schoolvakanties. */
public enum Regio {
    NOORD, MIDDEN, ZUID
}
