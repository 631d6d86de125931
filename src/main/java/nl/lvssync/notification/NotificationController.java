package nl.lvssync.notification;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import nl.lvssync.notification.OutboxEntry.Channel;
import nl.lvssync.notification.OutboxEntry.Status;
import nl.lvssync.time.ApiTime;
import nl.lvssync.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The outbox for administrators (/api/** is ADMIN only): what is waiting, sent or PARKED, and a retry. */
@RestController
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);

    private final OutboxRepository outbox;
    private final CurrentUser user;
    private final Clock clock;

    NotificationController(OutboxRepository outbox, CurrentUser user, Clock clock) {
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    /** No payload here: the content is not needed to decide on a retry. */
    record NotificationView(long id, String eventId, String type, String school, String alertId, String channel,
                            String recipient, String recipientName, String status, int attempts,
                            OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt,
                            OffsetDateTime sentAt, String sentHow, OffsetDateTime parkedAt) {

        static NotificationView of(OutboxEntry e) {
            return new NotificationView(e.id(), e.eventId(), e.type(), e.schoolId(), e.alertId(), e.channel().name(),
                    e.channel() == Channel.WEBHOOK ? maskUrl(e.recipient()) : e.recipient(), e.recipientName(),
                    e.status().name(), e.attempts(), ApiTime.of(e.nextAttemptAt()), e.lastError(),
                    ApiTime.of(e.createdAt()), ApiTime.of(e.sentAt()), e.sentHow(), ApiTime.of(e.parkedAt()));
        }
    }

    @GetMapping("/api/notifications")
    List<NotificationView> list(@RequestParam(required = false) String status,
                                @RequestParam(required = false) String school,
                                @RequestParam(defaultValue = "200") int limit) {
        Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be PENDING, SENT or PARKED");
            }
        }
        return outbox.list(wanted, school == null || school.isBlank() ? null : school, nl.lvssync.web.ApiParams.limit(limit, 5000))
                .stream().map(NotificationView::of).toList();
    }

    @PostMapping("/api/notifications/{id}/retry")
    NotificationView retry(@PathVariable long id) {
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not found"));
        if (!outbox.retry(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "notification " + id + " is " + entry.status());
        }
        log.info("Notification {} ({} {}) offered again by {}", id, entry.type(), entry.channel(), user.name());
        return NotificationView.of(outbox.find(id).orElseThrow());
    }

    /** Webhook URLs carry their own secret (Slack, Teams): show only where they point. */
    static String maskUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }
}
