package nl.lvssync.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Coordinators' webhooks against WireMock: signature, the three formats, retry and no-retry answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class WebhookNotificationTest {

    static final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        receiver.start();
    }

    static final String SECRET = "geheim-van-de-webhook";
    /** lvs-sync.notifications.webhook.secret: the key of the webhooks without their own (here Slack's) */
    static final String SHARED_SECRET = "gedeeld-geheim";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("lvs-sync.clock.fixed", () -> "2026-11-20T09:00:00Z");
        r.add("lvs-sync.mail.dashboard-url", () -> "https://lvs-sync.example");
        r.add("lvs-sync.notifications.initial-backoff", () -> "1m");
        r.add("lvs-sync.notifications.max-attempts", () -> "5");
        r.add("lvs-sync.notifications.webhook.read-timeout", () -> "1500ms");
        r.add("lvs-sync.notifications.webhook.call-timeout", () -> "5s");
        r.add("lvs-sync.notifications.webhook.secret", () -> SHARED_SECRET);
        r.add("lvs-sync.schools[0].id", () -> "WH01");
        r.add("lvs-sync.schools[0].name", () -> "Webhook College");
        r.add("lvs-sync.schools[0].lvs", () -> "csv");
        hook(r, 0, "Generiek", "generic", "GENERIC", SECRET);
        hook(r, 1, "Teams-kanaal", "teams", "TEAMS", "teams-secret");
        hook(r, 2, "Slack-kanaal", "slack", "SLACK", null);
    }

    static void hook(DynamicPropertyRegistry r, int i, String name, String path, String format, String secret) {
        String p = "lvs-sync.schools[0].coordinators[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "username", () -> path);
        r.add(p + "webhook", () -> receiver.baseUrl() + "/hooks/" + path);
        r.add(p + "webhook-format", () -> format);
        if (secret != null) {
            r.add(p + "webhook-secret", () -> secret);
        }
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        receiver.resetAll();
        receiver.stubFor(post(urlPathEqualTo("/hooks/teams")).willReturn(ok("1")));
        receiver.stubFor(post(urlPathEqualTo("/hooks/slack")).willReturn(ok("ok")));
        Fixtures.clean(jdbc);
        clock.setLocal("2026-11-20T10:00");
        Fixtures.student(jdbc, clock, "WH01", "S1", "Jan", "de", "Vries", "3a", "Hoofdlocatie");
    }

    Map<String, Object> raise(String alertId, String actor) {
        Map<String, Object> alert = Fixtures.alert(jdbc, clock, alertId, "WH01", "S1", "Jan de Vries", "3a", "LEGAL_16H",
                null, "2026-11-02", "2026-11-17", "16.5", "2026-11-24", "OPEN");
        tx.executeWithoutResult(status -> outbox.enqueue(new NotificationEvent("alert.raised", "WH01", alertId, actor, alert, null)));
        return alert;
    }

    List<LoggedRequest> requests(String path) {
        return receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/" + path)));
    }

    @Test
    void eachFormatIsPostedAndTheGenericBodyCarriesTheAlertAndAVerifiableSignature() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).willReturn(aResponse().withStatus(204)));
        raise("w-1", "system");

        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(3);

        LoggedRequest generic = requests("generic").get(0);
        byte[] body = generic.getBody();
        assertThat(generic.getHeader("X-LvsSync-Signature")).isEqualTo("sha256=" + hmac(body, SECRET));
        assertThat(generic.getHeader("X-LvsSync-Signature")).isNotEqualTo("sha256=" + hmac(body, "een-ander-geheim"));
        assertThat(generic.getHeader("X-LvsSync-Event-Id")).startsWith("alert.raised:w-1");
        assertThat(generic.getHeader("Content-Type")).startsWith("application/json");
        JsonNode event = json.readTree(body);
        assertThat(event.get("event").asText()).isEqualTo("alert.raised");
        JsonNode alert = event.get("alert");
        assertThat(alert.get("id").asText()).isEqualTo("w-1");
        assertThat(alert.get("school").asText()).isEqualTo("WH01");
        assertThat(alert.get("student").get("lvsId").asText()).isEqualTo("S1");
        assertThat(alert.get("student").get("class").asText()).isEqualTo("3a");
        assertThat(alert.get("rule").asText()).isEqualTo("LEGAL_16H");
        assertThat(alert.get("startDate").asText()).isEqualTo("2026-11-02");
        assertThat(alert.get("hours").asDouble()).isEqualTo(16.5);
        assertThat(alert.get("deadline").asText()).isEqualTo("2026-11-24");
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.has("bsn")).isFalse();
        assertThat(alert.get("student").has("bsn")).isFalse();

        LoggedRequest teams = requests("teams").get(0);
        assertThat(teams.getHeader("X-LvsSync-Signature")).isEqualTo("sha256=" + hmac(teams.getBody(), "teams-secret"));
        JsonNode card = json.readTree(teams.getBody()).get("attachments").get(0);
        assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("content").get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("content").get("body").get(0).get("text").asText())
                .isEqualTo("[LVS Sync] WH01 Webhook College — LEGAL_16H: 16,5 uur ongeoorloofd verzuim (J. de Vries, 3a)");
        assertThat(card.get("content").get("actions").get(0).get("url").asText()).isEqualTo("https://lvs-sync.example/alerts/w-1");

        LoggedRequest slack = requests("slack").get(0);
        assertThat(slack.getHeader("X-LvsSync-Signature")).as("no secret of its own: the shared one")
                .isEqualTo("sha256=" + hmac(slack.getBody(), SHARED_SECRET));
        JsonNode message = json.readTree(slack.getBody());
        assertThat(message.get("text").asText()).startsWith("[LVS Sync] WH01 Webhook College — LEGAL_16H");
        assertThat(message.get("blocks").isArray()).isTrue();
        assertThat(message.get("blocks").get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");

        for (LoggedRequest r : receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/generic")))) {
            assertThat(r.getBodyAsString()).doesNotContain(Fixtures.BSN).doesNotContain("griep");
        }
        for (String path : List.of("teams", "slack")) {
            assertThat(requests(path).get(0).getBodyAsString()).doesNotContain(Fixtures.BSN).doesNotContain("griep")
                    .doesNotContain("Jan de Vries");
        }
        assertThat(jdbc.sql("SELECT sent_how FROM notification_outbox ORDER BY id").query(String.class).list())
                .containsExactlyInAnyOrder("webhook GENERIC HTTP 204", "webhook TEAMS HTTP 200", "webhook SLACK HTTP 200");
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilItSucceeds() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("kapot")).willSetStateTo("twice"));
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("500").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("500").whenScenarioStateIs("up")
                .willReturn(ok()));
        raise("w-500", "system");

        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(1);
        assertThat(lastError("generic")).isEqualTo("webhook GENERIC HTTP 500: kapot");
        clock.advance(Duration.ofSeconds(59));
        assertThat(dispatcher.deliverAllDue().handled()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(1);

        assertThat(requests("generic")).hasSize(3);
        for (LoggedRequest attempt : requests("generic")) {
            assertThat(attempt.getHeader("X-LvsSync-Signature")).as("every attempt is signed")
                    .isEqualTo("sha256=" + hmac(attempt.getBody(), SECRET));
        }
        assertThat(requests("generic").stream().map(r -> r.getHeader("X-LvsSync-Event-Id")).distinct()).hasSize(1);
        assertThat(status("generic")).isEqualTo("SENT 3");
    }

    @Test
    void aTimeoutIsRetried() {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok().withFixedDelay(4000)).willSetStateTo("fast"));
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(ok()));
        raise("w-slow", "system");

        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(1);
        assertThat(lastError("generic")).containsPattern("(?i)time(d)? ?out"); // call or read timeout, whichever fires first
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(1);
        assertThat(status("generic")).isEqualTo("SENT 2");
    }

    @Test
    void aClientErrorIsParkedAtOnceAndNotRetried() {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).willReturn(aResponse().withStatus(400).withBody("bad payload")));
        raise("w-400", "system");

        assertThat(dispatcher.deliverAllDue().parked()).isEqualTo(1);
        clock.advance(Duration.ofHours(5));
        assertThat(dispatcher.deliverAllDue().handled()).isZero();
        assertThat(requests("generic")).hasSize(1);
        assertThat(status("generic")).isEqualTo("PARKED 1");
        assertThat(lastError("generic")).isEqualTo("webhook GENERIC HTTP 400: bad payload");
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")).willSetStateTo("ok"));
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(ok()));
        raise("w-429", "system");

        assertThat(dispatcher.deliverAllDue().retrying()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(9));
        assertThat(dispatcher.deliverAllDue().handled()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverAllDue().sent()).isEqualTo(1);
    }

    @Test
    void theActorsOwnWebhookIsSkippedAndAFailedSyncReachesTheWebhooksWithoutAnAlert() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/hooks/generic")).willReturn(ok()));
        Map<String, Object> alert = raise("w-actor", "teams");
        dispatcher.deliverAllDue();
        assertThat(requests("teams")).isEmpty();
        assertThat(requests("generic")).hasSize(1);
        assertThat(requests("slack")).hasSize(1);

        tx.executeWithoutResult(s -> outbox.enqueue(new NotificationEvent("sync.failed", "WH01", null, "system", null,
                "LVS of school WH01 could not be read: HTTP 503")));
        dispatcher.deliverAllDue();
        JsonNode event = json.readTree(requests("generic").get(1).getBody());
        assertThat(event.get("event").asText()).isEqualTo("sync.failed");
        assertThat(event.get("alert").isNull()).isTrue();
        assertThat(event.get("message").asText()).contains("HTTP 503");
        assertThat(requests("teams")).hasSize(1);

        for (String later : List.of("alert.overdue", "alert.withdrawn")) {
            tx.executeWithoutResult(s -> outbox.enqueue(new NotificationEvent(later, "WH01", "w-actor", "system", alert, null)));
        }
        dispatcher.deliverAllDue();
        assertThat(requests("generic").stream().map(r -> r.getHeader("X-LvsSync-Event")))
                .containsExactly("alert.raised", "sync.failed", "alert.overdue", "alert.withdrawn");
        for (LoggedRequest r : requests("generic")) {
            assertThat(json.readTree(r.getBody()).get("event").asText()).isEqualTo(r.getHeader("X-LvsSync-Event"));
            assertThat(r.getHeader("X-LvsSync-Signature")).as(r.getHeader("X-LvsSync-Event"))
                    .isEqualTo("sha256=" + hmac(r.getBody(), SECRET));
        }
        for (String path : List.of("teams", "slack")) {
            for (LoggedRequest r : requests(path)) {
                assertThat(r.getHeader("X-LvsSync-Signature")).as(path + " " + r.getHeader("X-LvsSync-Event"))
                        .isEqualTo("sha256=" + hmac(r.getBody(), path.equals("teams") ? "teams-secret" : SHARED_SECRET));
            }
        }
    }

    String lastError(String path) {
        return jdbc.sql("SELECT last_error FROM notification_outbox WHERE recipient LIKE ?").param("%/hooks/" + path)
                .query(String.class).single();
    }

    String status(String path) {
        return jdbc.sql("SELECT status || ' ' || attempts FROM notification_outbox WHERE recipient LIKE ?")
                .param("%/hooks/" + path).query(String.class).single();
    }

    static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
