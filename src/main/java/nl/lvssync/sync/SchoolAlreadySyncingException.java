package nl.lvssync.sync;

/** A second sync of a school that is already syncing (409). */
public class SchoolAlreadySyncingException extends RuntimeException {
    public SchoolAlreadySyncingException(String school, long runId) {
        super("school " + school + " is already syncing (run " + runId + ")");
    }
}
