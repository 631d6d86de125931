package nl.lvssync.sync;

/** The Camel endpoints of the sync routes ({@link SyncRoutes}), for whoever starts a run from Java. */
public final class SyncEndpoints {

    /** Executes a started run (body: its id) and answers the finished {@link SyncRun}. */
    public static final String RUN = "direct:sync-run";
    /** Queues a started run (body: its id) to be executed in the background. */
    public static final String QUEUE = "seda:sync-runs";
    /** Starts and executes a run of a school (body: its id) unless it is still busy with the last one. */
    public static final String SCHEDULED = "direct:scheduled-sync";

    private SyncEndpoints() {
    }
}
