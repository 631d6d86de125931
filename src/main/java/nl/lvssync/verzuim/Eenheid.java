package nl.lvssync.verzuim;

/** The unit in which absence is counted for the 16-hour rule. */
public enum Eenheid {
    /** VO: a missed lesson of at most 60 minutes counts one hour; longer ones their clock time */
    LESSON_PERIODS,
    /** PO and mbo: clock hours */
    CLOCK_HOURS
}
