package nl.lvssync.lvs.magister;

/** A record from the LVS that fails validation; it is quarantined with this message as the reason. */
class InvalidRecordException extends RuntimeException {
    InvalidRecordException(String reason) {
        super(reason);
    }
}
