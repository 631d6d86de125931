package nl.lvssync.sync;

/** Where a connector delivers what it reads, student by student, so no school is held in memory whole. */
public interface RecordSink {

    void accept(StudentData data);

    void quarantine(QuarantineRecord record);

    /** A student whose data could not be read this run: nothing of theirs is marked deleted. */
    void studentFailed(String studentLvsId, String reason);

    /**
     * Writes what was delivered so far: deliveries are written in batches, so a connector that marks its input as
     * applied (a CSV export) calls this first. The run flushes anyway when the connector returns.
     */
    default void flush() {
    }

    /** How many students this run will deliver, as soon as the connector knows: the dashboard's progress bar. */
    default void expect(int students) {
    }
}
