package nl.lvssync.sync;

/**
 * A connector's request for a run of one school now, e.g. because its LVS dropped a new export. Published by the
 * connector, taken by the sync module, which starts the run unless the school is already syncing (the new data then
 * waits for the next run).
 */
public record SyncWanted(String school, String trigger) {
}
