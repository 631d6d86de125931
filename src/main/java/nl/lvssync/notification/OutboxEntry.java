package nl.lvssync.notification;

import java.time.Instant;

/** One row of the outbox: one event for one recipient on one channel. */
record OutboxEntry(long id, String eventId, String type, String schoolId, String alertId, String recipient,
                          String recipientName, Channel channel, String payload, Status status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, String sentHow,
                          Instant parkedAt) {

    public enum Channel { EMAIL, WEBHOOK }

    /** PARKED is the dead letter: kept, listed for administrators, and retried only when they say so. */
    public enum Status { PENDING, SENT, PARKED }
}
