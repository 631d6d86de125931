package nl.lvssync.verzuim;

/** The verzuim rules (absence rules) of verzuim-rules.md, named as in the alert API. */
public enum Regel {
    /** R1: 16 hours of unexcused absence in 4 lesweken (Lpw art. 21a) */
    LEGAL_16H,
    /** R2: langdurig relatief verzuim, more than 4 lesweken continuously absent (thuiszitter) */
    LRV,
    /** R3: luxe verzuim, unexcused absence on the lesdag before or after a holiday */
    LUXE,
    /** R4: signaalverzuim, early warnings below the legal threshold */
    SIGNAL,
    /** R5: zorgwekkend ziekteverzuim (MAZL), advice to refer to the jeugdarts */
    MAZL,
    /** R6: the school's data is stale, so "no absence" cannot be trusted */
    DATA_STALE;

    /** Rules whose alerts are a melding (report) to DUO. */
    public boolean isMelding() {
        return this == LEGAL_16H || this == LRV || this == LUXE;
    }
}
