/**
 * Notification: tells coordinators and administrators what they must act on, by email and webhooks (generic JSON,
 * Teams, Slack), never lost and never twice.
 *
 * <p>Owns the {@code notification_outbox} table: every event is written there in the transaction that caused it,
 * one row per recipient and channel, and delivered by the {@code notification-poll} route with retries, backoff
 * and quiet hours; what keeps failing is PARKED for an administrator ({@code /api/notifications} and the page {@code /beheer/notificaties}, with a retry); the
 * backlog is the gauge {@code lvs_sync_outbox_backlog}. Also the daily
 * digest per coordinator, and sync failures and stale schools to {@code lvs-sync.admin-emails} at most once a day.
 * Routes: routes/notifications.camel.yaml and the mail route. Offers nothing to other modules.
 *
 * <p>Consumes {@link nl.lvssync.alert.AlertChanged} synchronously, in the alert's own transaction (the outbox), and
 * {@link nl.lvssync.sync.SyncRunFinished} (a FAILED run) after the run is recorded, in a transaction of its own.
 * Publishes no events. Its event names on the wire are those of {@link nl.lvssync.notification.NotificationEvent}.
 *
 * <p>Glossary: dagoverzicht (the daily digest); stille uren (quiet hours); the texts are Dutch, for the people who
 * read them.
 */
@ApplicationModule(displayName = "Notification",
        allowedDependencies = {"alert", "sync", "school", "verzuim", "time", "web"})
package nl.lvssync.notification;

import org.springframework.modulith.ApplicationModule;
