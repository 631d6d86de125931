package nl.lvssync.sync;

import nl.lvssync.school.School;

/** Reads one school's records from its LVS into a sink. One implementation per LVS kind. */
public interface LvsConnector {

    /** Whether this connector reads the given school's LVS. */
    boolean supports(School school);

    /**
     * Reads students, enrolments, lessons and absences in the window.
     *
     * @throws nl.lvssync.sync.LvsUnavailableException when the LVS cannot be read at all (the run fails)
     */
    void sync(School school, SyncWindow window, RecordSink sink);

    /** A cheap probe for health: can the LVS be reached at all? */
    boolean reachable(School school);
}
