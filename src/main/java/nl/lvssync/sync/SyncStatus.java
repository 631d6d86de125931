package nl.lvssync.sync;

/** How a sync run ended (or that it still runs). */
public enum SyncStatus {
    RUNNING,
    SUCCEEDED,
    /** read, but some records were quarantined or some students could not be read */
    PARTIAL,
    FAILED
}
