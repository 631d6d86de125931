package nl.lvssync.verzuim;

/**
 * The condition an alert was raised for, where a rule has more than one (the alert's {@code signal}): the kinds of
 * signaalverzuim (R4) and the two conditions of zorgwekkend ziekteverzuim (R5), each a separate alert.
 */
public enum Signaal {
    /** R4: at least signal-hours unexcused within 4 lesweken */
    HOURS(Regel.SIGNAL),
    /** R4: late arrivals */
    LATE(Regel.SIGNAL),
    /** R4: the same weekday in 3 of the last 4 lesweken */
    PATTERN(Regel.SIGNAL),
    /** R4: sprokkelverzuim, parts of days */
    SPROKKEL(Regel.SIGNAL),
    /** R5: 4 or more sick reports (episodes) within 12 lesweken */
    EPISODES(Regel.MAZL),
    /** R5: the 7th consecutive lesdag of one sickness episode */
    LONG(Regel.MAZL);

    private final Regel regel;

    Signaal(Regel regel) {
        this.regel = regel;
    }

    /** The rule this is a condition of. */
    public Regel regel() {
        return regel;
    }
}
