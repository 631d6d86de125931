package nl.lvssync.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lvssync.TestSchools;
import nl.lvssync.lvs.magister.MagisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fetching in parallel: a school's LVS gets at most its {@code lvs-limits.max-concurrent-requests} requests at a time
 * (and that many, not one), at most its {@code max-requests-per-second}, and two schools sync at the same time when
 * {@code parallel-schools} allows. The stub LVS
 * measures what arrives at once: every API answer takes 100 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class ParallelSyncTest {

    static final int STUDENTS = 6;
    static final InFlight inFlight = new InFlight();
    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(inFlight));

    static {
        lvs.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lvs-sync.sync.parallel-schools", () -> "2");
        TestSchools.magister(registry, 0, "PAR01", lvs.baseUrl() + "/PAR01");
        TestSchools.magister(registry, 1, "PAR02", lvs.baseUrl() + "/PAR02");
        registry.add("lvs-sync.schools[0].lvs-limits.max-concurrent-requests", () -> "2");
        registry.add("lvs-sync.schools[1].lvs-limits.max-concurrent-requests", () -> "3");
        TestSchools.magister(registry, 2, "PAR03", lvs.baseUrl() + "/PAR03");
        registry.add("lvs-sync.schools[2].lvs-limits.max-requests-per-second", () -> "5");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    SyncRequests requests;
    @Autowired
    SyncRunRepository runs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void stubs() {
        for (String school : List.of("PAR01", "PAR02", "PAR03")) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                rows.add((1001 + i) + ";" + (5001 + i) + ";Sanne;;Dijk" + i + ";07-03-2011;3a;3 havo;Hoofdlocatie;s" + i
                        + "@example.nl;123456782");
            }
            MagisterStub stub = new MagisterStub(lvs, school).token(3600).students(rows.toArray(String[]::new));
            stub.stubFor(get(urlPathMatching("/" + school + "/api/.*")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"Items\":[],\"Links\":[]}")
                    .withTransformers(InFlight.NAME)));
        }
        inFlight.reset();
    }

    @Test
    void aSchoolGetsAtMostItsMaxConcurrentRequestsAndUsesThem() {
        SyncRun run = sync.execute(sync.start("PAR01", "TEST").id());

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(STUDENTS);
        assertThat(inFlight.max("PAR01")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = 'PAR01'").query(Integer.class).single())
                .isEqualTo(STUDENTS);
    }

    @Test
    void twoSchoolsSyncAtTheSameTimeEachWithinItsOwnLimit() throws InterruptedException {
        List<SyncRun> started = List.of(requests.request("PAR01", "TEST"), requests.request("PAR02", "TEST"));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((sync.isSyncing("PAR01") || sync.isSyncing("PAR02")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (SyncRun run : started) {
            assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);
        }
        assertThat(inFlight.schoolsOverlapped()).as("a request of one school arrived while the other's was running").isTrue();
        assertThat(inFlight.max("PAR01")).isEqualTo(2);
        assertThat(inFlight.max("PAR02")).isEqualTo(3);
    }

    @Test
    void aSchoolsRateLimitSpreadsItsRequestsOverTime() {
        long t0 = System.nanoTime();
        SyncRun run = sync.execute(sync.start("PAR03", "TEST").id());
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        // the student list and 5 API calls for each of 6 students: 31 requests at 5 a second (5 at once, then 5 a
        // second) take over 5 s, where 4 at a time of 100 ms each would take about 1 s
        int requests = lvs.countRequestsMatching(getRequestedFor(urlPathMatching("/PAR03/(doc|api/.*)")).build()).getCount();
        assertThat(requests).isEqualTo(1 + STUDENTS * 5);
        assertThat(seconds).isGreaterThan((requests - 5) / 5.0);
    }

    /** Counts the requests each school has in flight (the first path segment names the school); each takes 100 ms. */
    static final class InFlight implements ResponseTransformerV2 {
        static final String NAME = "in-flight";
        private final Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();
        private final AtomicBoolean overlapped = new AtomicBoolean();

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            String school = serveEvent.getRequest().getUrl().split("/")[1];
            AtomicInteger mine = now.computeIfAbsent(school, s -> new AtomicInteger());
            int running = mine.incrementAndGet();
            max.computeIfAbsent(school, s -> new AtomicInteger()).accumulateAndGet(running, Math::max);
            if (now.entrySet().stream().anyMatch(e -> !e.getKey().equals(school) && e.getValue().get() > 0)) {
                overlapped.set(true);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.decrementAndGet();
            }
            return response;
        }

        int max(String school) {
            return max.getOrDefault(school, new AtomicInteger()).get();
        }

        boolean schoolsOverlapped() {
            return overlapped.get();
        }

        void reset() {
            now.clear();
            max.clear();
            overlapped.set(false);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
