package nl.lvssync.verzuim;

/**
 * What one absence registration means for the rules, decided by the school's code table
 * (or, when the code is not in it, by the LVS's own verdict).
 */
public enum Verdict {
    /** ongeoorloofd absent: counts for the 16-hour rule */
    UNEXCUSED,
    /** geoorloofd absent for another reason (appointment, family) */
    EXCUSED,
    /** ziek: excused, counts for MAZL */
    SICK,
    /** te laat without a valid reason */
    LATE,
    /** te laat with a valid reason */
    LATE_EXCUSED,
    /** schorsing: excused, never reported */
    SUSPENDED,
    /** verlof granted by the school (art. 13a/14): excused, and not luxe verzuim */
    LEAVE,
    /** not an absence at all (vrijstelling, boek/huiswerk vergeten) */
    NOT_ABSENCE;

    public boolean isUnexcusedAbsence() {
        return this == UNEXCUSED;
    }
}
