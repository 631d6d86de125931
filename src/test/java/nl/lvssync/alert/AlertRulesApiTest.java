package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.StubbedPupils;
import nl.lvssync.StubbedPupils.Pupil;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rules the dashboard made explicit, over the API of school UI04: a legal alert is closed unreported only with a
 * reason, a WITHDRAWN alert has no melding to download, the meldingsnummer is kept, and every view, change and
 * download is in the audit log, which administrators read.
 */
@ServiceTest
class AlertRulesApiTest {

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void closeNeedsAReasonMeldingNotForWithdrawnAndEverythingIsAudited() throws Exception {
        List<Pupil> pupils = List.of(new Pupil("7001", "Eva;;Smit", "2a", LocalDate.of(2026, 11, 16), 4),
                new Pupil("7002", "Finn;de;Boer", "2a", LocalDate.of(2026, 11, 16), 4),
                new Pupil("7003", "Gijs;;Mulder", "2b", LocalDate.of(2026, 11, 16), 4));
        StubbedPupils.stub(ServiceTestSetup.LVS, "UI04", pupils, 0);
        assertThat(syncRoute().status()).isEqualTo(SyncStatus.SUCCEEDED);
        String eva = legalAlertOf("7001");
        String finn = legalAlertOf("7002");
        String gijs = legalAlertOf("7003");

        // R1 unreported: closing needs a reason, from OPEN and from ACKNOWLEDGED
        HttpResponse<String> bare = post("/api/alerts/" + eva + "/close", "{}");
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bare.body()).get("detail").asText()).contains("only be closed with a reason");
        assertThat(post("/api/alerts/" + eva + "/close", null).statusCode()).isEqualTo(400);
        assertThat(post("/api/alerts/" + eva + "/close", "{\"reason\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/alerts/" + eva + "/acknowledge", null).statusCode()).isEqualTo(200);
        assertThat(post("/api/alerts/" + eva + "/close", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> closed = post("/api/alerts/" + eva + "/close", "{\"reason\":\"verhuisd naar het buitenland\"}");
        assertThat(json.readTree(closed.body()).get("status").asText()).isEqualTo("CLOSED");
        assertThat(get("/api/alerts/" + eva, "api-coord").body()).contains("verhuisd naar het buitenland");

        // reported with DUO's meldingsnummer, then closed without a reason: the melding was made
        JsonNode reported = json.readTree(post("/api/alerts/" + finn + "/reported", "{\"meldingsnummer\":\"VZ-2026-0042\"}").body());
        assertThat(reported.get("status").asText()).isEqualTo("REPORTED");
        assertThat(json.readTree(get("/api/alerts/" + finn, "api-coord").body()).get("meldingsnummer").asText())
                .isEqualTo("VZ-2026-0042");
        assertThat(post("/api/alerts/" + finn + "/close", null).statusCode()).isEqualTo(200);

        // Gijs's absences re-coded as sick: the alert is WITHDRAWN and its melding (with the BSN) is not handed out
        assertThat(get("/api/alerts/" + gijs + "/melding.csv", "api-coord").statusCode()).isEqualTo(200);
        StubbedPupils.stub(ServiceTestSetup.LVS, "UI04", List.of(pupils.get(0), pupils.get(1),
                new Pupil("7003", "Gijs;;Mulder", "2b", LocalDate.of(2026, 11, 16), 4, "ZK")), 0);
        assertThat(syncRoute().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(json.readTree(get("/api/alerts/" + gijs, "api-coord").body()).get("status").asText()).isEqualTo("WITHDRAWN");
        for (String path : List.of("/melding.csv", "/melding")) {
            HttpResponse<String> refused = get("/api/alerts/" + gijs + path, "api-coord");
            assertThat(refused.statusCode()).as(path).isEqualTo(409);
            assertThat(refused.body()).as(path).contains("WITHDRAWN").doesNotContain("123456782");
        }

        // the audit log: who viewed, changed and downloaded what; administrators only
        JsonNode audit = json.readTree(get("/api/audit?actor=api-coord&limit=100", "admin").body());
        assertThat(audit.findValuesAsText("action")).contains("VIEW", "CHANGE", "DOWNLOAD");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("DOWNLOAD");
            assertThat(e.get("subjectType").asText()).isEqualTo("MELDING");
            assertThat(e.get("subjectId").asText()).isEqualTo(gijs);
            assertThat(e.get("school").asText()).isEqualTo("UI04");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("CHANGE");
            assertThat(e.get("subjectId").asText()).isEqualTo(eva);
            assertThat(e.get("detail").asText()).isEqualTo("CLOSE");
            assertThat(e.get("student").asText()).isEqualTo("7001");
        });
        assertThat(get("/api/audit?subject=ALERT&id=" + eva, "admin").body()).contains("VIEW").contains("CHANGE");
        assertThat(get("/api/audit", "api-coord").statusCode()).isEqualTo(403);
        assertThat(get("/api/audit?subject=nonsense", "admin").statusCode()).isEqualTo(400);
        get("/api/schools/UI04/students/7001/absences", "api-coord");
        assertThat(get("/api/audit?subject=STUDENT&actor=api-coord", "admin").body()).contains("UI04/7001");
    }

    SyncRun syncRoute() {
        return camel.requestBody("direct:sync-run", sync.start("UI04", "TEST").id(), SyncRun.class);
    }

    String legalAlertOf(String student) throws Exception {
        JsonNode list = json.readTree(get("/api/alerts?school=UI04&rule=LEGAL_16H", "api-coord").body());
        for (JsonNode a : list) {
            if (a.get("student").get("lvsId").asText().equals(student)) {
                return a.get("id").asText();
            }
        }
        throw new AssertionError("no LEGAL_16H alert for " + student + " in " + list);
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic("api-coord"));
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }
}
