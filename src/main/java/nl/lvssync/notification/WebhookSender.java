package nl.lvssync.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.SchoolDirectory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs one outbox entry to a coordinator's webhook. 2xx is sent; 408, 429, 5xx and I/O errors (timeouts
 * included) are retried; any other answer will not improve by asking again, so the entry is parked at once.
 * The URL is never logged or shown in full: Slack and Teams URLs are secrets themselves. Every request is signed
 * ({@code X-LvsSync-Signature}) with the coordinator's {@code webhook-secret}, else
 * {@code lvs-sync.notifications.webhook.secret}, else (said at start-up) the empty key.
 */
@Component
class WebhookSender implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookSender.class);

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final SchoolDirectory schools;
    private final WebhookBodies bodies;
    private final String defaultSecret;

    WebhookSender(NotificationProperties properties, SchoolDirectory schools, WebhookBodies bodies) {
        NotificationProperties.Webhook timeouts = properties.webhook();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connectTimeout())
                .readTimeout(timeouts.readTimeout())
                .writeTimeout(timeouts.readTimeout())
                .callTimeout(timeouts.callTimeout())
                // a signed POST is not re-sent to wherever a redirect points
                .followRedirects(false)
                // idle connections go before the receiver drops them; one that broke anyway is retried on a fresh
                // connection (a receiver that saw the first attempt recognises the event by X-LvsSync-Event-Id)
                .connectionPool(new okhttp3.ConnectionPool(5, 20, java.util.concurrent.TimeUnit.SECONDS))
                .retryOnConnectionFailure(true)
                .build();
        this.schools = schools;
        this.bodies = bodies;
        this.defaultSecret = timeouts.secret() == null || timeouts.secret().isBlank() ? null : timeouts.secret();
        if (defaultSecret == null) {
            schools.all().forEach(school -> school.coordinators().stream()
                    .filter(c -> c.webhook() != null && !c.webhook().isBlank()
                            && (c.webhookSecret() == null || c.webhookSecret().isBlank()))
                    .forEach(c -> log.warn("School {}: the webhook of coordinator '{}' has no webhook-secret (nor is"
                            + " lvs-sync.notifications.webhook.secret set): its requests are signed with an empty key",
                            school.id(), c.name())));
        }
    }

    Delivery send(OutboxEntry entry, OutboxPayload.Event event, NotificationMessage message) {
        Optional<Coordinator> coordinator = schools.find(entry.schoolId()).stream()
                .flatMap(s -> s.coordinators().stream())
                .filter(c -> c.webhook() != null && c.webhook().trim().equals(entry.recipient()))
                .findFirst();
        if (coordinator.isEmpty()) {
            return Delivery.park("deze webhook is niet meer geconfigureerd voor school " + entry.schoolId());
        }
        byte[] body = bodies.body(coordinator.get().webhookFormat(), event, message);
        Request.Builder request = new Request.Builder()
                .url(entry.recipient())
                .post(RequestBody.create(body, JSON))
                .header("User-Agent", "LVS-Sync")
                .header("X-LvsSync-Event", entry.type())
                .header("X-LvsSync-Event-Id", entry.eventId())
                .header("X-LvsSync-Delivery", Long.toString(entry.id()));
        String secret = coordinator.get().webhookSecret();
        request.header(WebhookSignature.HEADER, WebhookSignature.sign(body,
                secret != null && !secret.isBlank() ? secret : defaultSecret));
        String format = String.valueOf(coordinator.get().webhookFormat());
        try (Response response = http.newCall(request.build()).execute()) {
            int code = response.code();
            if (response.isSuccessful()) {
                return Delivery.sent("webhook " + format + " HTTP " + code);
            }
            String error = "webhook " + format + " HTTP " + code + ": " + snippet(response);
            if (code == 408 || code == 429 || code >= 500) {
                return Delivery.retry(error, retryAfter(response));
            }
            return Delivery.park(error);
        } catch (IOException e) {
            return Delivery.retry("webhook " + format + ": " + e);
        } catch (IllegalArgumentException e) {
            return Delivery.park("webhook-URL ongeldig: " + e.getMessage());
        }
    }

    private static String snippet(Response response) {
        try {
            String text = response.peekBody(300).string().strip();
            return text.isEmpty() ? response.message() : text;
        } catch (IOException e) {
            return response.message();
        }
    }

    /** Retry-After in seconds (what Slack and Teams send with a 429). */
    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
