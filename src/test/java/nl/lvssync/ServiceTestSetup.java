package nl.lvssync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What {@link ServiceTest}s share: one Magister-shaped LVS on WireMock (each school under its own path), one SMTP
 * server, a port nothing listens on, and the schools and users of every such test. Started once per test run.
 */
public final class ServiceTestSetup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final WireMockServer LVS = started(new WireMockServer(WireMockConfiguration.options().dynamicPort()));
    public static final GreenMail SMTP = started(new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
    /** An LVS that cannot be reached. */
    public static final String CLOSED = "http://127.0.0.1:" + freePort();
    public static final String ADMIN_EMAIL = "beheer@flow.example";
    public static final String FLOW_COORDINATOR = "verzuim@flow.example";

    /** Where the OPP exports of OppRecordsTest's school arrive. */
    public static final java.nio.file.Path OPP_FOLDER = tempFolder("lvs-opp-test");
    public static final String OPP_COORDINATOR = "zorg@opp.example";

    /** The Magister schools of MagisterSyncTest, each stubbed by its own test. */
    public static final String[] MAGISTER_SCHOOLS = {"MAP01", "TOK01", "RL01", "HTML01", "BAD01", "DEL01", "WIN01", "EXP01"};

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> p = new LinkedHashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> p.put(name, value.get());
        registry.add("lvs-sync.sync.initial-backoff", () -> "20ms");
        registry.add("lvs-sync.sync.max-attempts", () -> "3");
        registry.add("lvs-sync.holidays.feed-url", () -> LVS.baseUrl() + "/feed/{schoolYear}");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("lvs-sync.admin-emails[0]", () -> ADMIN_EMAIL);
        // ui-coord: DashboardBrowserTest; guesser: SecurityHttpTest (login throttling)
        String[][] users = {{"admin", "ADMIN", ""}, {"coord", "COORDINATOR", "ALR01"}, {"other", "COORDINATOR", "ALR02"},
                {"ui-coord", "COORDINATOR", "UI01"}, {"guesser", "COORDINATOR", "UI01"}, {"api-coord", "COORDINATOR", "UI04"},
                // SecurityHttpTest: role names as operators write them
                {"prefixed-admin", "ROLE_ADMIN", ""}, {"lower-admin", "admin", ""}, {"mixed-coord", " Coordinator", "UI04"},
                {"prefixed-coord", "role_coordinator", "UI04"}};
        for (int i = 0; i < users.length; i++) {
            String u = "lvs-sync.security.users[" + i + "].";
            String[] user = users[i];
            registry.add(u + "username", () -> user[0]);
            registry.add(u + "password", () -> "{noop}secret");
            registry.add(u + "roles[0]", () -> user[1]);
            if (!user[2].isEmpty()) {
                registry.add(u + "schools[0]", () -> user[2]);
            }
        }
        int i = 0;
        for (String school : MAGISTER_SCHOOLS) {
            TestSchools.magister(registry, i, school, LVS.baseUrl() + "/" + school);
            registry.add("lvs-sync.schools[" + i++ + "].magister.webservices-password", () -> "pw;1");
        }
        // AlertLifecycleTest
        TestSchools.magister(registry, i++, "ALR01", LVS.baseUrl() + "/ALR01");
        TestSchools.magister(registry, i++, "ALR02", CLOSED + "/ALR02");
        TestSchools.magister(registry, i++, "ALR03", LVS.baseUrl() + "/ALR03");
        TestSchools.magister(registry, i++, "ALR04", LVS.baseUrl() + "/ALR04");
        // AlertNotificationFlowTest
        TestSchools.magister(registry, i, "FLW01", LVS.baseUrl() + "/FLW01");
        registry.add("lvs-sync.schools[" + i + "].coordinators[0].name", () -> "Verzuimcoördinator");
        registry.add("lvs-sync.schools[" + i++ + "].coordinators[0].email", () -> FLOW_COORDINATOR);
        TestSchools.magister(registry, i++, "FLW02", CLOSED + "/FLW02");
        // RuleInputsTest
        TestSchools.magister(registry, i++, "RI01", CLOSED + "/RI01");
        // DashboardBrowserTest: the coordinator's school, another school, and one an administrator syncs slowly
        TestSchools.magister(registry, i++, "UI01", LVS.baseUrl() + "/UI01");
        TestSchools.magister(registry, i++, "UI02", LVS.baseUrl() + "/UI02");
        TestSchools.magister(registry, i++, "UI03", LVS.baseUrl() + "/UI03");
        // AlertRulesApiTest and SecurityHttpTest
        TestSchools.magister(registry, i++, "UI04", LVS.baseUrl() + "/UI04");
        // OppRecordsTest: who needs an OPP by profile code, plans from an export folder
        TestSchools.magister(registry, i, "OPP01", LVS.baseUrl() + "/OPP01");
        String opp = "lvs-sync.schools[" + i + "].opp.";
        registry.add(opp + "required-when.profiel[0]", () -> "TOP");
        registry.add(opp + "required-when.profiel[1]", () -> "LWOO");
        registry.add(opp + "arrangement-codes.TOP", () -> "TOP groep");
        registry.add(opp + "arrangement-codes.LWOO", () -> "Leerwegondersteuning");
        registry.add(opp + "folder", () -> OPP_FOLDER.resolve("OPP01").toString());
        registry.add(opp + "min-age", () -> "300ms");
        registry.add("lvs-sync.schools[" + i + "].coordinators[0].name", () -> "Zorgcoördinator");
        registry.add("lvs-sync.schools[" + i++ + "].coordinators[0].email", () -> OPP_COORDINATOR);
        registry.add("lvs-sync.opp.poll-delay", () -> "200ms");
        // SimulatorSyncTest: the simulator started by the Spring wiring
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "42");
        registry.add("lvs-sync.simulator.students-per-school", () -> "12");
        registry.add("lvs-sync.simulator.school-students.SIM02", () -> "3");
        for (String[] school : new String[][] {{"SIM01", "noord"}, {"SIM02", "zuid"}}) {
            String s = "lvs-sync.schools[" + i++ + "].";
            registry.add(s + "id", () -> school[0]);
            registry.add(s + "lvs", () -> "simulator");
            registry.add(s + "region", () -> school[1]);
            for (String[] code : new String[][] {{"AB", "UNEXCUSED"}, {"ZK", "SICK"}, {"TL", "LATE"},
                {"TLG", "LATE_EXCUSED"}, {"GA", "EXCUSED"}, {"VL", "LEAVE"}, {"SC", "SUSPENDED"}}) {
                registry.add(s + "codes." + code[0], () -> code[1]);
            }
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("service-test", p));
    }

    private static <T> T started(T server) {
        if (server instanceof WireMockServer w) {
            w.start();
        } else if (server instanceof GreenMail g) {
            g.start();
        }
        return server;
    }

    private static java.nio.file.Path tempFolder(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
