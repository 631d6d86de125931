package nl.lvssync.sync;

/** Where a connector delivers what it reads, student by student, so no school is held in memory whole. */
public interface RecordSink {

    void accept(StudentData data);

    void quarantine(QuarantineRecord record);

    /** A student whose data could not be read this run: nothing of theirs is marked deleted. */
    void studentFailed(String studentLvsId, String reason);

    /** How many students this run will deliver, as soon as the connector knows: the dashboard's progress bar. */
    default void expect(int students) {
    }
}
