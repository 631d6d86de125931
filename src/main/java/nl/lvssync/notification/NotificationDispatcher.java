package nl.lvssync.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import nl.lvssync.notification.OutboxEntry.Channel;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.SyncOnceCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox entries; called by the {@code notification-poll} route, after the digest, and by
 * {@code sync --once}.
 *
 * <p>Per entry: claim it (a conditional UPDATE with a token and a lease, so two nodes or threads never both
 * send it), send, then record the outcome in its own transaction. Delivery is at least once: if the process
 * dies after the SMTP server or webhook accepted a message but before SENT is committed (a window of
 * milliseconds), the claim expires after {@code claim-timeout} and the entry is sent again, with the same
 * Message-ID / X-LvsSync-Event-Id so the receiver can drop the copy. Nothing is ever deleted: an entry that keeps
 * failing is PARKED for an administrator.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the rules in sync --once, so what they raised goes out too
public class NotificationDispatcher implements SyncOnceCommand.AfterSyncOnce {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final OutboxRepository outbox;
    private final SchoolDirectory schools;
    private final NotificationTexts texts;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate ownTransaction;

    public NotificationDispatcher(OutboxRepository outbox, SchoolDirectory schools, NotificationTexts texts,
                                  EmailSender email, WebhookSender webhooks, NotificationProperties properties,
                                  ObjectMapper json, Clock clock, MeterRegistry meters,
                                  PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.schools = schools;
        this.texts = texts;
        this.email = email;
        this.webhooks = webhooks;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one round did. */
    public record Report(int sent, int retrying, int parked, int deferred) {
        Report plus(Report other) {
            return new Report(sent + other.sent, retrying + other.retrying, parked + other.parked, deferred + other.deferred);
        }

        public int handled() {
            return sent + retrying + parked + deferred;
        }
    }

    /** One batch of due entries (at most {@code batch-size}). */
    public Report deliverDue() {
        Instant now = clock.instant();
        int sent = 0;
        int retrying = 0;
        int parked = 0;
        int deferred = 0;
        for (OutboxEntry entry : outbox.due(now, properties.batchSize())) {
            Optional<Instant> quietUntil = QuietHoursPolicy.quietUntil(quietHours(entry), now);
            if (quietUntil.isPresent()) {
                inOwnTransaction(() -> {
                    outbox.defer(entry.id(), quietUntil.get(), now);
                    return null;
                });
                deferred++;
                continue;
            }
            String token = UUID.randomUUID().toString();
            if (!inOwnTransaction(() -> outbox.claim(entry.id(), token, now, now.plus(properties.claimTimeout())))) {
                continue; // another node or thread has it
            }
            Delivery delivery = deliver(entry);
            switch (record(entry, token, delivery)) {
                case SENT -> sent++;
                case RETRY -> retrying++;
                case PARK -> parked++;
            }
        }
        return new Report(sent, retrying, parked, deferred);
    }

    /** Everything that is due now, batch after batch (bounded, so a zero backoff cannot spin for ever). */
    public Report deliverAllDue() {
        Report total = new Report(0, 0, 0, 0);
        for (int round = 0; round < 100; round++) {
            Report report = deliverDue();
            total = total.plus(report);
            if (report.handled() < properties.batchSize()) {
                break;
            }
        }
        return total;
    }

    @Override
    public String afterSyncOnce() {
        Report r = deliverAllDue();
        return String.format("notifications: sent=%d retrying=%d parked=%d deferred(quiet hours)=%d still-pending=%d",
                r.sent(), r.retrying(), r.parked(), r.deferred(), outbox.countPending());
    }

    private Delivery deliver(OutboxEntry entry) {
        try {
            if (NotificationEvent.DIGEST.equals(entry.type())) {
                OutboxPayload.Digest digest = json.readValue(entry.payload(), OutboxPayload.Digest.class);
                return email.send(entry, texts.digest(digest, entry.recipientName()));
            }
            OutboxPayload.Event event = json.readValue(entry.payload(), OutboxPayload.Event.class);
            NotificationMessage message = texts.forEvent(event, entry.recipientName());
            return entry.channel() == Channel.EMAIL
                    ? email.send(entry, message)
                    : webhooks.send(entry, event, message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Delivery.park("onleesbare inhoud: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            log.warn("Notification {} to {} failed unexpectedly", entry.id(), entry.channel(), e);
            return Delivery.retry(e.toString());
        }
    }

    private Delivery.Outcome record(OutboxEntry entry, String token, Delivery delivery) {
        Instant now = clock.instant();
        Delivery.Outcome outcome = delivery.outcome();
        int failures = entry.attempts() + 1;
        if (outcome == Delivery.Outcome.RETRY && failures >= properties.maxAttempts()) {
            outcome = Delivery.Outcome.PARK;
            delivery = Delivery.park("na " + failures + " pogingen: " + delivery.detail());
        }
        Delivery result = delivery;
        switch (outcome) {
            case SENT -> {
                if (!inOwnTransaction(() -> outbox.markSent(entry.id(), token, now, result.detail()))) {
                    log.warn("Notification {} was sent, but its claim had expired: another node may send it again",
                            entry.id());
                }
            }
            case RETRY -> {
                Duration wait = properties.backoff(failures);
                if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
                    wait = result.retryAfter();
                }
                Instant next = now.plus(wait);
                inOwnTransaction(() -> {
                    outbox.retryLater(entry.id(), token, next, result.detail());
                    return null;
                });
                log.info("Notification {} ({} {}) failed, attempt {} of {}, next at {}: {}", entry.id(), entry.type(),
                        entry.channel(), failures, properties.maxAttempts(), next, result.detail());
            }
            case PARK -> {
                inOwnTransaction(() -> {
                    outbox.park(entry.id(), token, now, result.detail());
                    return null;
                });
                log.warn("Notification {} ({} {}) is PARKED for an administrator: {}", entry.id(), entry.type(),
                        entry.channel(), result.detail());
            }
        }
        meters.counter("lvs_sync_notifications", "channel", entry.channel().name(), "outcome", outcome.name())
                .increment();
        return outcome;
    }

    private School.QuietHours quietHours(OutboxEntry entry) {
        return schools.find(entry.schoolId()).map(School::quietHours).orElse(School.QuietHours.DEFAULT);
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }
}
