package nl.lvssync.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.lvssync.lvs.magister.MagisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sync-run API (start, 409, list, show) and per-school health going DOWN and back UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
class SyncApiAndHealthTest {

    static final int LVS_PORT = freePort();
    static WireMockServer lvs = startLvs();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lvs-sync.sync.initial-backoff", () -> "10ms");
        registry.add("lvs-sync.sync.max-attempts", () -> "2");
        registry.add("lvs-sync.sync.health-probe-cache", () -> "0s");
        registry.add("lvs-sync.sync.circuit-breaker-open-for", () -> "200ms");
        registry.add("lvs-sync.security.users[0].username", () -> "admin");
        registry.add("lvs-sync.security.users[0].password", () -> "{noop}secret");
        registry.add("lvs-sync.security.users[0].roles[0]", () -> "ADMIN");
        registry.add("lvs-sync.security.users[1].username", () -> "coord");
        registry.add("lvs-sync.security.users[1].password", () -> "{noop}secret");
        registry.add("lvs-sync.security.users[1].roles[0]", () -> "COORDINATOR");
        registry.add("lvs-sync.security.users[1].schools[0]", () -> "API01");
        String p = "lvs-sync.schools[0].";
        registry.add(p + "id", () -> "API01");
        registry.add(p + "lvs", () -> "magister");
        registry.add(p + "base-url", () -> "http://127.0.0.1:" + LVS_PORT + "/API01");
        registry.add(p + "auth.token-url", () -> "http://127.0.0.1:" + LVS_PORT + "/API01/connect/token");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static WireMockServer startLvs() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(LVS_PORT).bindAddress("127.0.0.1"));
        server.start();
        MagisterStub stub = new MagisterStub(server, "API01").token(3600)
                .students("2001;6001;Daan;;Bakker;01-02-2012;2b;2 vwo;Hoofdlocatie;;")
                .aanmeldingen("2001", aanmelding("99", "2b"))
                .afspraken("2001", "");
        // slow enough that a second request arrives while the first run is still going
        stub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/API01/api/personen/2001/absenties"))
                .willReturn(okJson("{\"Items\":[],\"Links\":[]}").withFixedDelay(400)));
        return server;
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Test
    void startsARunListsItAndRefusesASecondOneWhileItRuns() throws Exception {
        HttpResponse<String> started = post("/api/sync-runs", "{\"school\":\"API01\"}", "admin");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(started.body());
        long id = body.get("id").asLong();
        assertThat(body.get("status").asText()).isEqualTo("RUNNING");

        assertThat(post("/api/sync-runs", "{\"school\":\"API01\"}", "admin").statusCode()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !json.readTree(get("/api/sync-runs/" + id, "admin").body()).get("status").asText().equals("RUNNING"));
        JsonNode run = json.readTree(get("/api/sync-runs/" + id, "admin").body());
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("school").asText()).isEqualTo("API01");
        assertThat(run.get("counts").get("students").asInt()).isEqualTo(1);
        assertThat(run.get("counts").has("lessons")).isTrue();
        assertThat(run.get("counts").has("absences")).isTrue();
        assertThat(run.get("counts").has("quarantined")).isTrue();
        assertThat(run.get("startedAt").asText()).endsWith("+01:00");
        assertThat(run.has("finishedAt")).isTrue();

        JsonNode list = json.readTree(get("/api/sync-runs?school=API01&limit=5", "admin").body());
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(get("/api/sync-runs", "coord").statusCode()).as("sync runs are for administrators").isEqualTo(403);
        assertThat(get("/api/sync-runs", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/sync-runs", "{\"school\":\"NOPE\"}", "admin").statusCode()).isEqualTo(404);
    }

    @Test
    void schoolHealthIsDownWhileItsLvsIsUnreachableAndUpAfterItRecovers() throws Exception {
        assertThat(schoolHealth().get("status").asText()).isEqualTo("UP");

        lvs.stop();
        JsonNode down = schoolHealth();
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.get("details").get("lvsReachable").asBoolean()).isFalse();
        assertThat(json.readTree(get("/actuator/health", null).body()).get("status").asText()).isEqualTo("DOWN");
        // one school's LVS is that school's problem: the service stays ready and alive for every other school (details: admin)
        HttpResponse<String> readiness = get("/actuator/health/readiness", "admin");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).get("status").asText()).isEqualTo("UP");
        assertThat(readiness.body()).doesNotContain("schools").contains("camelReadinessState");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        lvs = startLvs();
        await().atMost(Duration.ofSeconds(10)).until(() -> schoolHealth().get("status").asText().equals("UP"));
        assertThat(schoolHealth().get("details").get("lvsReachable").asBoolean()).isTrue();
    }

    @Test
    void prometheusShowsCamelRouteMetricsAndOurSyncCounters() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> post("/api/sync-runs", "{\"school\":\"API01\"}", "admin").statusCode() == 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/prometheus", "admin").body().contains("lvs_sync_runs_total"));
        String metrics = get("/actuator/prometheus", "admin").body();
        assertThat(metrics).contains("lvs_sync_run_duration_seconds").contains("lvs_sync_records_total")
                .contains("camel_exchanges_total").contains("routeId=\"sync-run\"")
                .contains("lvs_sync_outbox_backlog{status=\"PENDING\"}").contains("lvs_sync_outbox_backlog{status=\"PARKED\"}");
        // the scrape is for administrators (or a separate management port)
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    JsonNode schoolHealth() throws Exception {
        return json.readTree(get("/actuator/health", "admin").body()).get("components").get("schools").get("components").get("API01");
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        return http.send(auth(r, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(auth(r, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder auth(HttpRequest.Builder r, String user) {
        return user == null ? r : r.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
