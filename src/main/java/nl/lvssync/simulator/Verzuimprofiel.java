package nl.lvssync.simulator;

/** A student's absence behaviour (verzuimprofiel) over the school year. */
public enum Verzuimprofiel {
    /** a few absences: a doctor's visit, a day ill, now and then late or a missed lesson */
    REGULIER,
    /** spijbelaar: truant spells that cross 16 unexcused lesson hours within 4 lesweken */
    SPIJBELAAR,
    /** misses the first lessons on most Mondays */
    MAANDAG,
    /** often sick: several ziekmeldingen (sickness episodes), one of them long for some */
    ZIEK,
    /** often late for the first lesson */
    TE_LAAT,
    /** thuiszitter: absent from every lesson for weeks */
    THUISZITTER,
    /** luxe verzuim: stays away on the last lesdag before a holiday (or takes granted leave) */
    LUXE
}
