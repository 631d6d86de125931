package nl.lvssync.sync;

/** Published when a run ends, whatever its status: rules and notifications take it from here. */
public record SyncRunFinished(SyncRun run) {
}
