package nl.lvssync.sync;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.lvssync.LvsSyncApplication;
import nl.lvssync.lvs.magister.MagisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as it starts and restarts, on real HTTP: a sync request before the routes have started is a 503 with
 * Retry-After that leaves nothing behind, and the same request moments later starts a run; a run a crash left
 * RUNNING is closed as FAILED ("interrupted") at start-up and its school syncs again.
 */
class ServiceStartupTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    static {
        lvs.start();
        new MagisterStub(lvs, "RDY01").token(3600)
                .students("2001;6001;Daan;;Bakker;01-02-2012;2b;2 vwo;Hoofdlocatie;;")
                .aanmeldingen("2001", aanmelding("99", "2b"))
                .afspraken("2001", "")
                .absenties("2001", "");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Test
    void aSyncRequestBeforeCamelHasStartedIs503AndAMomentLaterStartsARun() throws Exception {
        int port = freePort();
        CountDownLatch holdCamel = new CountDownLatch(1);
        AtomicReference<ApplicationContext> starting = new AtomicReference<>();
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(LvsSyncApplication.class)
                .listeners(new HoldCamel(holdCamel, starting))
                .run(args(port, "startup-early")));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> starting.get() != null && listening(port));
            assertThat(starting.get().getBean(org.apache.camel.CamelContext.class).getStatus().isStarted()).isFalse();

            HttpResponse<String> early = post(port, "/api/sync-runs", "{\"school\":\"RDY01\"}");

            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(json.readTree(early.body()).get("error").asText()).contains("try again");
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            // the service's own entry point refuses too, and keeps no lock: the school is not "syncing"
            SyncRequests requests = starting.get().getBean(SyncRequests.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> requests.request("RDY01", "TEST"))
                    .isInstanceOf(ServiceNotReadyException.class);
            assertThat(starting.get().getBean(SyncService.class).isSyncing("RDY01")).isFalse();

            holdCamel.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/actuator/health/readiness").statusCode() == 200);
            HttpResponse<String> later = post(port, "/api/sync-runs", "{\"school\":\"RDY01\"}");

            assertThat(later.statusCode()).as(later.body()).isEqualTo(202);
            long id = json.readTree(later.body()).get("id").asLong();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(port, id).equals("SUCCEEDED"));
            JsonNode runs = json.readTree(get(port, "/api/sync-runs?school=RDY01").body());
            assertThat(runs).as("the refused request left no run behind").hasSize(1);
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            holdCamel.countDown();
            app.get(60, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aRunLeftRunningByACrashIsClosedAtStartUpAndTheSchoolSyncsAgain() throws Exception {
        int port = freePort();
        long crashed;
        long otherInstances;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LvsSyncApplication.class).run(args(port, "startup-crash"))) {
            // as a process killed mid-run leaves it: RUNNING in the database
            crashed = first.getBean(SyncRunRepository.class).create("RDY01", "API", Instant.parse("2026-11-20T09:00:00Z"));
            // a school another instance sharing the database syncs, and is syncing now
            first.getBean(JdbcClient.class).sql("INSERT INTO school (id, name, lvs, region) VALUES ('OTH01', 'Elders', 'MAGISTER',"
                    + " 'NOORD')").update();
            otherInstances = first.getBean(SyncRunRepository.class).create("OTH01", "SCHEDULE", Instant.parse("2026-11-20T09:00:00Z"));
        }
        JdbcClient jdbc;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LvsSyncApplication.class).run(args(port, "startup-crash"))) {
            jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT status FROM sync_run WHERE id = ?").param(crashed).query(String.class).single())
                    .isEqualTo("FAILED");
            assertThat(jdbc.sql("SELECT error FROM sync_run WHERE id = ?").param(crashed).query(String.class).single())
                    .contains("interrupted");
            assertThat(jdbc.sql("SELECT status FROM sync_run WHERE id = ?").param(otherInstances).query(String.class).single())
                    .as("another instance's school is left alone").isEqualTo("RUNNING");

            HttpResponse<String> again = post(port, "/api/sync-runs", "{\"school\":\"RDY01\"}");

            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            long id = json.readTree(again.body()).get("id").asLong();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(port, id).equals("SUCCEEDED"));
            assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = 'RDY01'").query(Integer.class).single()).isEqualTo(1);
        }
    }

    /** Holds the application at ContextRefreshedEvent, before Camel's own listener starts the routes; the web server is up. */
    record HoldCamel(CountDownLatch latch, AtomicReference<ApplicationContext> context)
            implements ApplicationListener<ContextRefreshedEvent>, Ordered {
        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            context.set(event.getApplicationContext());
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static String[] args(int port, String database) {
        List<String> a = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:" + database
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--lvs-sync.clock.fixed=2026-11-20T10:00:00Z",
                "--lvs-sync.sync.run-at-startup=false",
                "--lvs-sync.sync.schedules-enabled=false",
                "--lvs-sync.simulator.enabled=false",
                "--lvs-sync.notifications.delivery-enabled=false",
                "--camel.springboot.main-run-controller=false",
                "--spring.main.banner-mode=off",
                "--lvs-sync.security.users[0].username=admin",
                "--lvs-sync.security.users[0].password={noop}secret",
                "--lvs-sync.security.users[0].roles[0]=ADMIN",
                "--lvs-sync.schools[0].id=RDY01",
                "--lvs-sync.schools[0].lvs=magister",
                "--lvs-sync.schools[0].base-url=" + lvs.baseUrl() + "/RDY01",
                "--lvs-sync.schools[0].auth.token-url=" + lvs.baseUrl() + "/RDY01/connect/token",
                "--lvs-sync.schools[0].auth.client-id=lvs-sync",
                "--lvs-sync.schools[0].auth.client-secret=secret",
                "--lvs-sync.schools[0].magister.webservices-user=ws",
                "--lvs-sync.schools[0].magister.webservices-password=pw"));
        return a.toArray(String[]::new);
    }

    static String status(int port, long id) throws Exception {
        return json.readTree(get(port, "/api/sync-runs/" + id).body()).get("status").asText();
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(auth(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(auth(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder auth(HttpRequest.Builder r) {
        return r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
