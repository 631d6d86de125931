package nl.lvssync;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.lvs.magister.MagisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sync --once}: the contract's exit codes, each with a clear message. */
class SyncOnceCliTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        lvs.start();
        new MagisterStub(lvs, "CLI01").token(3600)
                .students("1001;5001;Sanne;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;sanne@example.nl;123456782")
                .aanmeldingen("1001", aanmelding("77", "3a"))
                .afspraken("1001", afspraak(9001, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, 1))
                .absenties("1001", absentie(1, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB"));
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    record Result(int exit, String out) {
    }

    static Result syncOnce(String db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=jdbc:h2:mem:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        all.add("--lvs-sync.simulator.enabled=false");
        all.add("--lvs-sync.clock.fixed=2026-11-20T10:00:00Z");
        all.add("--lvs-sync.sync.initial-backoff=10ms");
        all.add("--lvs-sync.sync.max-attempts=2");
        all.add("--lvs-sync.sync.connect-timeout=500ms");
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = LvsSyncApplication.syncOnce(all.toArray(String[]::new));
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    static String[] school(int index, String id, String baseUrl) {
        String p = "--lvs-sync.schools[" + index + "].";
        return new String[] {p + "id=" + id, p + "lvs=magister", p + "region=noord", p + "base-url=" + baseUrl,
                p + "auth.token-url=" + baseUrl + "/connect/token", p + "auth.client-id=lvs-sync",
                p + "auth.client-secret=secret", p + "magister.webservices-user=ws", p + "magister.webservices-password=pw",
                p + "codes.AB=UNEXCUSED"};
    }

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            all.addAll(List.of(part));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void exitsZeroWhenEverySchoolSynced() {
        Result result = syncOnce("cli0", concat(new String[] {"--once"}, school(0, "CLI01", lvs.baseUrl() + "/CLI01")));

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).contains("CLI01").contains("SUCCEEDED").contains("students=1").contains("absences=1")
                .contains("alerts open:").contains("notifications");
    }

    @Test
    void exitsOneWhenASchoolsLvsIsDownAfterRetries() {
        Result result = syncOnce("cli1", concat(new String[] {"--once"},
                school(0, "CLI01", lvs.baseUrl() + "/CLI01"),
                school(1, "DOWN01", "http://127.0.0.1:" + closedPort + "/DOWN01")));

        assertThat(result.exit()).as(result.out()).isEqualTo(1);
        // the other school still synced: one school's failure never stops the others
        assertThat(result.out()).contains("CLI01").contains("SUCCEEDED").contains("DOWN01").contains("FAILED").contains("error:");
    }

    @Test
    void exitsTwoForAnUnknownSchool() {
        Result result = syncOnce("cli2", concat(new String[] {"--once", "--school", "NOPE"}, school(0, "CLI01", lvs.baseUrl() + "/CLI01")));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).contains("no school with id 'NOPE'");
    }

    @Test
    void exitsTwoForInvalidConfiguration() {
        Result result = syncOnce("cli3", "--once", "--lvs-sync.schools[0].id=BAD01", "--lvs-sync.schools[0].lvs=carrier-pigeon");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).contains("bad configuration").contains("carrier-pigeon");
    }

    @Test
    void aSchoolIsNamedWithASpaceOrAnEqualsSign() {
        String[] schools = concat(school(0, "CLI01", lvs.baseUrl() + "/CLI01"),
                school(1, "DOWN01", "http://127.0.0.1:" + closedPort + "/DOWN01"));
        for (String[] option : List.of(new String[] {"--school", "CLI01"}, new String[] {"--school=CLI01"})) {
            Result result = syncOnce("cli5" + option.length, concat(new String[] {"--once"}, option, schools));

            assertThat(result.exit()).as(result.out()).isZero();
            // the summary has a line for CLI01 and none for the other school
            assertThat(result.out()).containsPattern("(?m)^CLI01\\s+SUCCEEDED").doesNotContainPattern("(?m)^DOWN01\\s");
        }
        assertThat(syncOnce("cli6", concat(new String[] {"--once", "--school="}, schools)).exit()).isEqualTo(2);
        assertThat(syncOnce("cli7", concat(new String[] {"--once", "--school=NOPE"}, schools)).out())
                .contains("no school with id 'NOPE'");
    }

    @Test
    void theCommandWordMayFollowSpringOptions() {
        assertThat(LvsSyncApplication.commandIndex(new String[] {"sync", "--once"})).isZero();
        assertThat(LvsSyncApplication.commandIndex(new String[] {"--spring.profiles.active=postgres", "sync", "--once"}))
                .isEqualTo(1);
        assertThat(LvsSyncApplication.commandIndex(new String[] {"--server.port=9000"})).isEqualTo(-1);
        assertThat(LvsSyncApplication.commandIndex(new String[] {})).isEqualTo(-1);
    }

    @Test
    void exitsTwoWithoutOnce() {
        assertThat(syncOnce("cli4").exit()).isEqualTo(2);
    }
}
