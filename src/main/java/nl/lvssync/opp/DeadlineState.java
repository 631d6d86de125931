package nl.lvssync.opp;

/** Where a student's OPP stands against O1 and O2 today, as the API shows it. */
public enum DeadlineState {
    /** the student needs no OPP and has none */
    NOT_REQUIRED,
    /** needs one, not set yet, less than 4 weeks since placement */
    ON_TIME,
    /** not set yet, 4 to 6 weeks since placement (OPP_DUE) */
    DUE,
    /** not set 6 weeks after placement (OPP_OVERDUE) */
    OVERDUE,
    /** needs one, not set, and the LVS gives no placement date */
    UNKNOWN,
    /** set, and its yearly evaluation more than 4 weeks away */
    SET,
    /** set; the yearly evaluation is due within 4 weeks (OPP_EVALUATION_DUE) */
    EVALUATION_DUE,
    /** set; more than a year since it was last evaluated or set */
    EVALUATION_OVERDUE,
    /** the plan ended and the student no longer needs one */
    ENDED,
    /** the student left the school */
    LEFT,
    /** an export names a student the LVS does not list (not yet read, or a wrong id) */
    UNKNOWN_STUDENT
}
