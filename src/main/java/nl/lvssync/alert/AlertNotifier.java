package nl.lvssync.alert;

/**
 * Told of every alert change that a coordinator must hear of, inside the transaction that makes the change,
 * so the change and its notification are committed together or not at all.
 */
public interface AlertNotifier {

    /** @param event alert.raised | alert.withdrawn | alert.overdue; actor: who caused it ("system" for the rules) */
    void alertEvent(String event, AlertView alert, String actor, String message);
}
