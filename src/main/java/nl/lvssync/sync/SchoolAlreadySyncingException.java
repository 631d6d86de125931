package nl.lvssync.sync;

/** A second sync of a school that is already syncing (409). */
class SchoolAlreadySyncingException extends RuntimeException {
    SchoolAlreadySyncingException(String school, long runId) {
        super("school " + school + " is already syncing (run " + runId + ")");
    }
}
