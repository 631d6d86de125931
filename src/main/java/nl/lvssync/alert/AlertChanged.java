package nl.lvssync.alert;

/**
 * An alert changed in a way its coordinators must hear of. Published inside the transaction that makes the
 * change, so a listener that writes in that transaction (the notification outbox) commits with it or not at all.
 *
 * @param actor   who caused it: a username, or "system" for the rules
 * @param message optional extra words for the people told (e.g. "trek de melding in bij DUO")
 */
public record AlertChanged(Change change, AlertView alert, String actor, String message) {

    public enum Change {
        /** raised by the rules, or back after it was withdrawn */
        RAISED,
        /** the records no longer reach the rule's threshold */
        WITHDRAWN,
        /** the melding's deadline passed without the alert being marked reported */
        OVERDUE;

        /** The event's name in metrics, webhooks and the outbox: alert.raised, alert.withdrawn, alert.overdue. */
        public String eventName() {
            return "alert." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
