package nl.lvssync.lvs;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.lvssync.TestSchools;
import nl.lvssync.lvs.magister.MagisterStub;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An LVS that closes idle connections sooner than our pool lets them go (here: after 300 ms, ours after 20 s): the
 * next call finds its pooled connection closed, is sent again on a fresh one, and health stays UP; the next sync
 * succeeds. Before, the first call after a quiet minute failed and the school read as unreachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeepAliveTest {

    static final long SERVER_IDLE_MS = 300;
    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .jettyIdleTimeout(SERVER_IDLE_MS));

    static {
        lvs.start();
        new MagisterStub(lvs, "KA01").token(3600)
                .students("2001;6001;Daan;;Bakker;01-02-2012;2b;2 vwo;Hoofdlocatie;;")
                .aanmeldingen("2001", aanmelding("99", "2b"))
                .afspraken("2001", "")
                .absenties("2001", "");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSchools.magister(registry, 0, "KA01", lvs.baseUrl() + "/KA01");
        TestSchools.admin(registry); // the schools' health details are for administrators
        registry.add("lvs-sync.sync.health-probe-cache", () -> "0s");
        // one attempt: a stale connection must not be hidden by the connector's own retries
        registry.add("lvs-sync.sync.max-attempts", () -> "1");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    SyncService sync;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void afterIdlingPastTheServersKeepAliveHealthIsUpAndTheNextSyncSucceeds() throws Exception {
        assertThat(runOnce().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(schoolHealth().get("status").asText()).isEqualTo("UP");

        Thread.sleep(SERVER_IDLE_MS * 4);
        JsonNode health = schoolHealth();

        assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.get("details").get("lvsReachable").asBoolean()).isTrue();

        Thread.sleep(SERVER_IDLE_MS * 4);
        SyncRun next = runOnce();

        assertThat(next.status()).as(String.valueOf(next.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(next.counts().students()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(SERVER_IDLE_MS * 2);
            assertThat(schoolHealth().get("status").asText()).as("never flaps").isEqualTo("UP");
        }
    }

    SyncRun runOnce() {
        return sync.execute(sync.start("KA01", "TEST").id());
    }

    JsonNode schoolHealth() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:secret".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("components").get("schools").get("components").get("KA01");
    }
}
