package nl.lvssync.notification;

import java.util.Map;

/**
 * Something coordinators or administrators are told about.
 *
 * @param type    alert.raised | alert.withdrawn | alert.overdue | sync.failed | school.stale
 * @param alert   the alert JSON object of the contract; null for sync and school events
 * @param actor   username of the person whose action caused it (not notified of their own change), or "system"
 * @param message optional extra human text (e.g. "melding intrekken bij DUO"; the sync error)
 */
record NotificationEvent(String type, String schoolId, String alertId, String actor, Map<String, Object> alert,
                                String message) {

    public static final String ALERT_RAISED = "alert.raised";
    public static final String ALERT_WITHDRAWN = "alert.withdrawn";
    public static final String ALERT_OVERDUE = "alert.overdue";
    public static final String SYNC_FAILED = "sync.failed";
    public static final String SCHOOL_STALE = "school.stale";
    /** Not an event callers enqueue: the daily digest, written by {@link DigestJob}. */
    public static final String DIGEST = "digest";

    public boolean isAlertEvent() {
        return type != null && type.startsWith("alert.");
    }

    public boolean isAdminEvent() {
        return SYNC_FAILED.equals(type) || SCHOOL_STALE.equals(type);
    }
}
