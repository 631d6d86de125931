package nl.lvssync.verzuim;

/**
 * The condition an alert was raised for, where a rule has more than one (the alert's {@code signal}): the kinds of
 * signaalverzuim (R4) and the two conditions of zorgwekkend ziekteverzuim (R5), each a separate alert.
 */
public enum Signaal {
    /** R4: at least signal-hours unexcused within 4 lesweken */
    HOURS(Regel.SIGNAL, "uren ongeoorloofd"),
    /** R4: late arrivals */
    LATE(Regel.SIGNAL, "vaak te laat"),
    /** R4: the same weekday in 3 of the last 4 lesweken */
    PATTERN(Regel.SIGNAL, "steeds op dezelfde weekdag"),
    /** R4: sprokkelverzuim, parts of days */
    SPROKKEL(Regel.SIGNAL, "sprokkelverzuim"),
    /** R5: 4 or more sick reports (episodes) within 12 lesweken */
    EPISODES(Regel.MAZL, "vaak ziek gemeld"),
    /** R5: the 7th consecutive lesdag of one sickness episode */
    LONG(Regel.MAZL, "lang aaneen ziek");

    private final Regel regel;
    private final String omschrijving;

    Signaal(Regel regel, String omschrijving) {
        this.regel = regel;
        this.omschrijving = omschrijving;
    }

    /** The condition in the coordinator's words, without any health detail (it goes into notifications). */
    public String omschrijving() {
        return omschrijving;
    }

    /** The wording of a stored signal ("" or null: none; an unknown one as it is). */
    public static String omschrijving(String signaal) {
        if (signaal == null || signaal.isBlank()) {
            return null;
        }
        try {
            return valueOf(signaal).omschrijving;
        } catch (IllegalArgumentException e) {
            return signaal;
        }
    }

    /** The rule this is a condition of. */
    public Regel regel() {
        return regel;
    }
}
