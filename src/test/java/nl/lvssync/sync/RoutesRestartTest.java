package nl.lvssync.sync;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.lvssync.TestSchools;
import nl.lvssync.lvs.magister.MagisterStub;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routes stopped under a running web server (an operator, a restart of the Camel context): sync requests get 503
 * with Retry-After and record nothing; once the routes are started again the same request starts a run that runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutesRestartTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        lvs.start();
        new MagisterStub(lvs, "RST01").token(3600).students("2001;6001;Daan;;Bakker;01-02-2012;2b;2 vwo;Hoofdlocatie;;")
                .aanmeldingen("2001", aanmelding("99", "2b")).afspraken("2001", "").absenties("2001", "");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSchools.quietService(registry, "routesrestart", "2026-11-20T10:00:00Z");
        TestSchools.admin(registry);
        TestSchools.magister(registry, 0, "RST01", lvs.baseUrl() + "/RST01");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void whileTheRoutesAreStoppedA503AndAfterTheirRestartARun() throws Exception {
        camel.stop();
        try {
            HttpResponse<String> refused = post();

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(jdbc.sql("SELECT count(*) FROM sync_run").query(Integer.class).single()).isZero();
        } finally {
            camel.start();
        }

        HttpResponse<String> started = post();

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json.readTree(started.body()).get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT status FROM sync_run WHERE id = ?").param(id).query(String.class).single().equals("SUCCEEDED"));
    }

    HttpResponse<String> post() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sync-runs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"school\":\"RST01\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
