package nl.lvssync.sync;

/** A record that failed validation, kept with the reason instead of being dropped. */
public record QuarantineRecord(String recordType, String recordKey, String studentLvsId, String reason, String payload) {
}
