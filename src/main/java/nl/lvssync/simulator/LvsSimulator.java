package nl.lvssync.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.lvs.magister.MagisterEndpoints;
import nl.lvssync.verzuim.kalender.Regio;

/**
 * The built-in simulated LVS: Magister-shaped schools served over real HTTP on loopback, each under
 * {@code /magister/{schoolId}}, all data generated on request from the seed. Nothing is kept per student,
 * so a region of 20,000 students costs no more memory than a school of 10.
 *
 * <pre>
 * try (LvsSimulator sim = LvsSimulator.start(SimulatorSettings.of(42), clock)) {
 *     sim.addSchool("02YM00", Regio.NOORD);
 *     MagisterEndpoints endpoints = sim.magisterEndpoints("02YM00");
 * }
 * </pre>
 */
public final class LvsSimulator implements AutoCloseable {

    /** The layout name the simulated GetData answers to (any layout gets the default columns). */
    public static final String STUDENT_LAYOUT = "LVS-Sync-Leerlingen";
    private static final int CONTAINER_THREADS = 128;

    private final SimulatorSettings settings;
    private final Map<String, SimulatedSchool> schools = new ConcurrentHashMap<>();
    private final WireMockServer server;
    private final SimulatorTraffic traffic;

    private LvsSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        SimulatedTokens tokens = new SimulatedTokens(Clock.systemUTC());
        this.traffic = new SimulatorTraffic(settings.faults().fixedDelayMs());
        MagisterSimulator magister = new MagisterSimulator(schools::get,
                new MagisterResponses(clock, settings.faults().malformedAbsenceEvery(), settings.shapes()),
                tokens, settings.faults(), traffic);
        SomtodaySimulator somtoday = new SomtodaySimulator(schools::get, new SomtodayResponses(clock), tokens,
                settings.faults().tokenLifetimeSeconds(), traffic);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(settings.host())
                .port(settings.port())
                // a delayed answer holds its thread while it waits: room for many schools' parallel requests at 50 ms
                .containerThreads(CONTAINER_THREADS)
                // no stub files from the working folder: the one catch-all stub is added below
                .usingFilesUnderClasspath("nl/lvssync/simulator/no-wiremock-files")
                .disableRequestJournal()
                // WireMock copies response bodies into its serve events; ours are generated, so copy none
                .maxLoggedResponseSize(0)
                .gzipDisabled(true)
                .stubRequestLoggingDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(magister, somtoday);
        this.server = new WireMockServer(options);
        server.start();
        server.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(SomtodaySimulator.PREFIX + ".*"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withTransformers(somtoday.getName())));
        server.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withStatus(200).withTransformers(magister.getName())));
    }

    /** Starts a simulator; {@code clock} decides the school year and which absences have happened yet. */
    public static LvsSimulator start(SimulatorSettings settings, Clock clock) {
        return new LvsSimulator(settings, clock);
    }

    /** Adds (or replaces) a school with the default number of students. */
    public SimulatedSchool addSchool(String schoolId, Regio regio) {
        return addSchool(schoolId, regio, settings.studentsPerSchool());
    }

    /** Adds a school; adding it again with the same region and size changes nothing. */
    public SimulatedSchool addSchool(String schoolId, Regio regio, int students) {
        if (schoolId == null || !schoolId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("a school id is 1 to 32 letters, digits, - or _: '" + schoolId + "'");
        }
        return schools.compute(schoolId, (id, existing) -> existing != null && existing.regio() == regio
                && existing.studentCount() == students ? existing : new SimulatedSchool(settings.seed(), id, regio, students, settings.mix()));
    }

    public Optional<SimulatedSchool> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://" + settings.host() + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** Where one school lives: {@code http://127.0.0.1:PORT/magister/{schoolId}}. */
    public String schoolUrl(String schoolId) {
        return baseUrl() + MagisterSimulator.PREFIX + schoolId;
    }

    /** The endpoints and credentials of an added school, for the Magister connector. */
    public MagisterEndpoints magisterEndpoints(String schoolId) {
        SimulatedSchool school = school(schoolId).orElseThrow(() -> new IllegalArgumentException(
                "school " + schoolId + " has not been added to the simulator"));
        String url = schoolUrl(schoolId);
        return new MagisterEndpoints(url, url + "/connect/token", school.clientId(), school.clientSecret(), url,
                school.webservicesUser(), school.webservicesPassword(), STUDENT_LAYOUT);
    }

    /** Where one school lives as Somtoday: {@code http://127.0.0.1:PORT/somtoday/{schoolId}}, token server included. */
    public nl.lvssync.lvs.somtoday.SomtodayEndpoints somtodayEndpoints(String schoolId) {
        SimulatedSchool school = school(schoolId).orElseThrow(() -> new IllegalArgumentException(
                "school " + schoolId + " has not been added to the simulator"));
        String url = baseUrl() + SomtodaySimulator.PREFIX + schoolId;
        return new nl.lvssync.lvs.somtoday.SomtodayEndpoints(url, url + "/oauth2/token", school.organisation(),
                school.clientId(), school.clientSecret(), school.vestiging());
    }

    /** How many requests the simulator has answered (tokens, student lists and data, faults included). */
    public long requestsServed() {
        return traffic.served();
    }

    /** Every answer from now on waits this long (a real LVS across the internet: about 50 ms); 0 for none. */
    public void latency(java.time.Duration latency) {
        traffic.latency(latency.toMillis());
    }

    public java.time.Duration latency() {
        return java.time.Duration.ofMillis(traffic.latencyMs());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        server.stop();
    }
}
