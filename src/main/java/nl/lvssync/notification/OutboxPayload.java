package nl.lvssync.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What an outbox row carries, as JSON: enough to render every channel later without reading other tables. */
final class OutboxPayload {

    private OutboxPayload() {
    }

    /** An alert, sync or school event; {@code alert} is the contract's alert JSON, reduced to its allowed fields. */
    record Event(String event, String eventId, String schoolId, String schoolName, String actor, String message,
                 Map<String, Object> alert, String studentName, String studentClass, Instant occurredAt) {

        AlertLine alertLine() {
            return alert == null ? null : AlertLine.of(alert, studentName, studentClass);
        }
    }

    /** One coordinator's daily digest. */
    record Digest(LocalDate date, List<DigestSchool> schools, List<AlertLine> open, List<AlertLine> deadlines,
                  int notListed) {
    }

    record DigestSchool(String id, String name, boolean stale, Instant lastSuccessAt, int staleAfterHours) {
    }
}
