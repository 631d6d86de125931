package nl.lvssync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.lvs.magister.MagisterStub;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert lifecycle end to end: a Magister school synced through the sync-run route, the rules raising one
 * LEGAL_16H alert however often it runs, the coordinator's actions, re-coding that withdraws and reinstates it,
 * coordinators scoped to their schools, the DUO melding export, and a stale school.
 */
@ServiceTest
class AlertLifecycleTest {

    static final WireMockServer lvs = ServiceTestSetup.LVS;

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataStaleness staleness;
    @Autowired
    SchoolRulesConfig rulesConfig;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    nl.lvssync.school.SchoolDirectory schools;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static void stubSchool(Set<Long> sickAbsences) {
        WeekOfAbsences.stub(lvs, "ALR01", sickAbsences);
    }

    SyncRun syncRoute(String school) {
        return camel.requestBody("direct:sync-run", sync.start(school, "TEST").id(), SyncRun.class);
    }

    @Test
    void lifecycleFromRaisedToWithdrawnAndBack() throws Exception {
        stubSchool(Set.of());
        assertThat(syncRoute("ALR01").status()).isEqualTo(SyncStatus.SUCCEEDED);

        JsonNode legal = onlyLegalAlert();
        String id = legal.get("id").asText();
        assertThat(legal.get("school").asText()).isEqualTo("ALR01");
        assertThat(legal.get("student").get("lvsId").asText()).isEqualTo("3001");
        assertThat(legal.get("student").get("name").asText()).isEqualTo("Noor de Wit");
        assertThat(legal.get("student").get("class").asText()).isEqualTo("2c");
        assertThat(legal.get("startDate").asText()).isEqualTo("2026-11-16");
        assertThat(legal.get("endDate").asText()).isEqualTo("2026-11-19");
        assertThat(legal.get("hours").asDouble()).isEqualTo(16.0);
        assertThat(legal.get("deadline").asText()).isEqualTo("2026-11-26");
        assertThat(legal.get("status").asText()).isEqualTo("OPEN");
        assertThat(legal.get("incomplete").asBoolean()).isFalse();
        assertThat(legal.has("createdAt") && legal.has("updatedAt")).isTrue();
        assertThat(legal.toString()).doesNotContain("111222333");

        // the same sync again: nothing new, nothing changed
        int alertsBefore = count("SELECT count(*) FROM alert");
        int historyBefore = count("SELECT count(*) FROM alert_history");
        assertThat(syncRoute("ALR01").counts().created()).isZero();
        assertThat(count("SELECT count(*) FROM alert")).isEqualTo(alertsBefore);
        assertThat(count("SELECT count(*) FROM alert_history")).isEqualTo(historyBefore);
        assertThat(onlyLegalAlert().get("id").asText()).isEqualTo(id);

        JsonNode detail = get("/api/alerts/" + id, "coord").body;
        assertThat(detail.get("rule").asText()).isEqualTo("LEGAL_16H");
        assertThat(detail.get("records")).hasSize(16);
        assertThat(detail.get("records").get(0).get("verdict").asText()).isEqualTo("UNEXCUSED");
        assertThat(detail.get("records").get(0).get("hours").asDouble()).isEqualTo(1.0);
        assertThat(detail.get("history").get(0).get("action").asText()).isEqualTo("RAISED");
        assertThat(detail.get("explanation").asText()).isNotBlank();

        // coordinators see only their own schools
        assertThat(get("/api/alerts/" + id, "other").status).isEqualTo(404);
        assertThat(get("/api/alerts", "other").body.findValuesAsText("school")).doesNotContain("ALR01");
        assertThat(get("/api/schools/ALR01/students/3001/absences", "other").status).isEqualTo(404);
        JsonNode absences = get("/api/schools/ALR01/students/3001/absences?from=2026-11-17&to=2026-11-17", "coord").body;
        assertThat(absences).hasSize(4);
        assertThat(absences.get(0).get("code").asText()).isEqualTo("AB");
        assertThat(absences.get(0).get("verdict").asText()).isEqualTo("UNEXCUSED");

        // the coordinator's actions, with who and when
        assertThat(post("/api/alerts/" + id + "/acknowledge", "coord").body.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(post("/api/alerts/" + id + "/acknowledge", "other").status).isEqualTo(404);
        String csv = getText("/api/alerts/" + id + "/melding.csv", "coord");
        assertThat(csv).contains("2026-11-16").contains("2026-11-19").contains("16.00").contains("111222333")
                .contains("Noor de Wit").contains(";nee;").contains("coord"); // 4 of the 6 lessons a day missed
        assertThat(getText("/api/alerts/" + id + "/melding", "coord")).contains("Verzuimmelding DUO").contains("2026-11-19");
        // the page a notification links to
        assertThat(getText("/alerts/" + id, "coord")).contains("LEGAL_16H").contains("Noor de Wit").contains("RAISED")
                .doesNotContain("111222333");
        assertThat(post("/api/alerts/" + id + "/reported", "coord").body.get("status").asText()).isEqualTo("REPORTED");
        assertThat(post("/api/alerts/" + id + "/acknowledge", "coord").status).isEqualTo(409);
        JsonNode history = get("/api/alerts/" + id, "admin").body.get("history");
        assertThat(history.findValuesAsText("action")).containsSubsequence("RAISED", "ACKNOWLEDGE", "REPORTED");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("coord");
        assertThat(history.get(1).get("at").asText()).isNotBlank();

        // two absences re-coded as sick later (a parent phoned): 14 hours, below the threshold -> WITHDRAWN
        stubSchool(Set.of(509011L, 509012L));
        syncRoute("ALR01");
        JsonNode withdrawn = get("/api/alerts/" + id, "coord").body;
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        JsonNode last = withdrawn.get("history").get(withdrawn.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("WITHDRAWN");
        assertThat(last.get("fromStatus").asText()).isEqualTo("REPORTED");
        assertThat(last.get("detail").asText()).contains("509011").contains("SICK");
        // the records that produced it are kept with the verdicts they had, and the verdicts they have now
        assertThat(withdrawn.get("records")).hasSize(16);
        assertThat(withdrawn.get("records").findValuesAsText("currentVerdict")).contains("SICK");
        assertThat(get("/api/alerts?school=ALR01&status=OPEN&rule=LEGAL_16H", "admin").body).isEmpty();

        // and back to unexcused: the same alert returns, not a second one
        stubSchool(Set.of());
        syncRoute("ALR01");
        assertThat(onlyLegalAlert().get("id").asText()).isEqualTo(id);
        assertThat(onlyLegalAlert().get("status").asText()).isEqualTo("OPEN");

        // the school's data goes stale (last success 3 days ago): its live alerts are marked incomplete
        jdbc.sql("UPDATE school SET last_success_at = ? WHERE id = 'ALR01'")
                .param(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-17T10:00:00Z"))).update();
        staleness.checkAll();
        assertThat(onlyLegalAlert().get("incomplete").asBoolean()).isTrue();
        assertThat(get("/api/alerts?school=ALR01&rule=DATA_STALE&status=OPEN", "coord").body).hasSize(1);
        // fresh data again: the DATA_STALE alert closes and the alert is complete again
        syncRoute("ALR01");
        assertThat(onlyLegalAlert().get("incomplete").asBoolean()).isFalse();
        assertThat(get("/api/alerts?school=ALR01&rule=DATA_STALE&status=OPEN", "coord").body).isEmpty();

        // the code table changes (AB now excused): stored verdicts are re-derived and everyone is evaluated again
        nl.lvssync.school.School school = schools.require("ALR01");
        nl.lvssync.school.School recoded = new nl.lvssync.school.School(school.id(), school.name(), school.lvs(),
                school.baseUrl(), school.auth(), school.magister(), school.region(), school.holidays(), school.unit(),
                java.util.Map.of("AB", nl.lvssync.verzuim.Verdict.EXCUSED, "ZK", nl.lvssync.verzuim.Verdict.SICK),
                school.schedule(), school.coordinators(), school.staleAfterHours(), school.windowLesweken(), school.rules(),
                school.quietHours(), school.somtoday(), school.csv(), school.simulates(), school.opp(), school.lvsLimits());
        assertThat(rulesConfig.changed(recoded)).isTrue();
        assertThat(count("SELECT count(*) FROM absence WHERE school_id = 'ALR01' AND verdict = 'UNEXCUSED'")).isZero();
        assertThat(count("SELECT count(*) FROM student WHERE school_id = 'ALR01' AND rules_dirty = FALSE")).isZero();
        assertThat(rulesConfig.changed(recoded)).isFalse();
        assertThat(rulesConfig.changed(school)).isTrue();
        assertThat(count("SELECT count(*) FROM absence WHERE school_id = 'ALR01' AND verdict = 'UNEXCUSED'")).isEqualTo(16);

        // open again and never reported: closing it needs a reason
        assertThat(post("/api/alerts/" + id + "/close", "coord").status).isEqualTo(400);
        assertThat(send(request("/api/alerts/" + id + "/close", "coord").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"afgehandeld met de leerplichtambtenaar\"}")).build())
                .body.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aSchoolWhoseSyncFailsIsMarkedStale() throws Exception {
        SyncRun run = syncRoute("ALR02");

        assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
        JsonNode stale = get("/api/alerts?school=ALR02&rule=DATA_STALE", "other").body;
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(stale.get(0).get("incomplete").asBoolean()).isTrue();
        assertThat(stale.get(0).get("student").isNull()).as("a school's alert is no student's").isTrue();
        // a second failed run does not raise a second one
        syncRoute("ALR02");
        assertThat(get("/api/alerts?school=ALR02&rule=DATA_STALE", "admin").body).hasSize(1);
    }

    @Test
    void holidaysImportedFromThePublicFeedReachTheCalendar() throws Exception {
        lvs.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/feed/2027-2028")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        nl.lvssync.verzuim.kalender.RijksoverheidVakantiesTest.FEED)));

        Response imported = post("/api/holidays/import?schoolYear=2027-2028", "admin");

        assertThat(imported.status).isEqualTo(200);
        assertThat(imported.body).hasSize(6);
        assertThat(count("SELECT count(*) FROM imported_holiday WHERE school_year = '2027-2028' AND region = 'NOORD'")).isEqualTo(2);
        assertThat(post("/api/holidays/import?schoolYear=2027-2028", "coord").status).isEqualTo(403);
        assertThat(post("/api/holidays/import?schoolYear=next", "admin").status).isEqualTo(400);
    }

    @Test
    void aFullReEvaluationIsForAdministratorsAndChangesNothingThatIsRight() throws Exception {
        stubSchool(Set.of());
        syncRoute("ALR01");
        int history = count("SELECT count(*) FROM alert_history");

        Response result = post("/api/schools/ALR01/evaluate", "admin");

        assertThat(result.status).isEqualTo(200);
        assertThat(result.body.get("students").asInt()).isEqualTo(1);
        assertThat(result.body.get("raised").asInt()).isZero();
        assertThat(count("SELECT count(*) FROM alert_history")).isEqualTo(history);
        assertThat(post("/api/schools/ALR01/evaluate", "coord").status).isEqualTo(403);
    }

    @Test
    void aNewRulesVersionReEvaluatesEveryAlertOnceAndTheReportCountsItsWholeEndDay() throws Exception {
        // Mon 16 - Wed 18 Nov lessons 1-4, Thu 19 Nov all six: 16 with Thursday's 4th lesson; the report holds the
        // whole end day, 18 hours, and the API, the alert page and the DUO melding all say so
        WeekOfAbsences.stub(lvs, "ALR03", Set.of(), 6);
        assertThat(syncRoute("ALR03").status()).isEqualTo(SyncStatus.SUCCEEDED);
        JsonNode legal = get("/api/alerts?school=ALR03&rule=LEGAL_16H", "admin").body.get(0);
        String id = legal.get("id").asText();
        assertThat(legal.get("endDate").asText()).isEqualTo("2026-11-19");
        assertThat(legal.get("hours").asDouble()).isEqualTo(18.0);
        assertThat(get("/api/alerts/" + id, "admin").body.get("records")).hasSize(18);
        assertThat(getText("/api/alerts/" + id + "/melding.csv", "admin")).contains(";18.00;");
        assertThat(getText("/api/alerts/" + id + "/melding", "admin")).contains("<td>18.00</td>");
        assertThat(getText("/alerts/" + id, "admin")).contains("<td>18.00</td>");

        // as a release with the previous rules left them: the report stopped at the 16th hour, and an alert whose
        // window start the rules no longer find; the school's stored rules version is the previous one
        jdbc.sql("UPDATE alert SET hours = 16.00 WHERE id = ?").param(id).update();
        jdbc.sql("DELETE FROM alert_record WHERE alert_id = ? AND absence_date = DATE '2026-11-19' AND absence_lvs_id IN"
                + " ('509035', '509036')").param(id).update();
        jdbc.sql("INSERT INTO alert (id, school_id, student_lvs_id, rule, signal, start_date, end_date, hours, status,"
                + " created_at, updated_at) VALUES ('old-window', 'ALR03', '3001', 'LEGAL_16H', '', DATE '2026-11-17',"
                + " DATE '2026-11-19', 16.00, 'OPEN', TIMESTAMP WITH TIME ZONE '2026-11-19 12:00:00+00',"
                + " TIMESTAMP WITH TIME ZONE '2026-11-19 12:00:00+00')").update();
        jdbc.sql("UPDATE school SET config_hash = 'rules version 1' WHERE id = 'ALR03'").update();

        AlertEvaluation.Result result = evaluation.evaluate("ALR03", false);

        assertThat(result.students()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.withdrawn()).isEqualTo(1);
        JsonNode reevaluated = get("/api/alerts/" + id, "admin").body;
        assertThat(reevaluated.get("hours").asDouble()).isEqualTo(18.0);
        assertThat(reevaluated.get("records")).hasSize(18);
        JsonNode lastChange = reevaluated.get("history").get(reevaluated.get("history").size() - 1);
        assertThat(lastChange.get("action").asText()).isEqualTo("REEVALUATED");
        assertThat(lastChange.get("detail").asText()).contains("16.00 h").contains("18.00 h");
        JsonNode gone = get("/api/alerts/old-window", "admin").body;
        assertThat(gone.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(gone.get("history").findValuesAsText("action")).containsExactly("WITHDRAWN");

        // once: the next evaluation finds the version it stored and nothing to change
        int history = count("SELECT count(*) FROM alert_history");
        AlertEvaluation.Result again = evaluation.evaluate("ALR03", false);
        assertThat(again.students()).isZero();
        assertThat(count("SELECT count(*) FROM alert_history")).isEqualTo(history);
    }

    @Test
    void mazlsTwoConditionsAreTwoAlertsOnOneStartDate() throws Exception {
        // sick (ZK) all six lessons of Mon 7 - Tue 15 Sep 2026 (lesdagen 7, 8, 9, 10, 11, 14, 15: the 7th is Tue 15) and
        // of the single days Mon 21 Sep, Mon 5 Oct and Mon 2 Nov (episodes 2 - 4; 12 lesweken from 7 Sep run until Mon
        // 7 Dec). Expected: MAZL LONG 7 Sep..15 Sep and MAZL EPISODES 7 Sep..2 Nov, both raised
        // (the timetable has six lessons on every weekday from 1 Sep outside the herfstvakantie: the school's lesson
        // data decides which days are lesdagen, so the days in between break the episodes)
        List<String> ziek = List.of("2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11", "2026-09-14",
                "2026-09-15", "2026-09-21", "2026-10-05", "2026-11-02");
        List<String> lessons = new ArrayList<>();
        List<String> absences = new ArrayList<>();
        for (LocalDate dag = LocalDate.of(2026, 9, 1); dag.isBefore(LocalDate.of(2026, 11, 21));
             dag = dag.plusDays(1)) {
            boolean herfst = !dag.isBefore(LocalDate.of(2026, 10, 10)) && !dag.isAfter(LocalDate.of(2026, 10, 18));
            if (dag.getDayOfWeek().getValue() > 5 || herfst) {
                continue;
            }
            for (int period = 1; period <= 6; period++) {
                long id = dag.toEpochDay() * 10 + period;
                int minutes = 7 * 60 + 30 + (period - 1) * 50;
                String start = dag + "T" + WeekOfAbsences.hhmm(minutes) + ":00.0000000Z";
                String end = dag + "T" + WeekOfAbsences.hhmm(minutes + 50) + ":00.0000000Z";
                lessons.add(MagisterStub.afspraak(id, start, end, period, 1));
                if (ziek.contains(dag.toString())) {
                    absences.add(MagisterStub.absentie(id + 1, start, end, period, true, id, 3, "ZK"));
                }
            }
        }
        new MagisterStub(lvs, "ALR04").token(3600)
                .students("3001;7001;Noor;de;Wit;14-05-2012;2c;2 havo;Hoofdlocatie;;111222333")
                .aanmeldingen("3001", MagisterStub.aanmelding("88", "2c"))
                .afspraken("3001", String.join(",", lessons))
                .absenties("3001", String.join(",", absences));

        assertThat(syncRoute("ALR04").status()).isEqualTo(SyncStatus.SUCCEEDED);

        JsonNode mazl = get("/api/alerts?school=ALR04&rule=MAZL", "admin").body;
        assertThat(mazl).hasSize(2);
        assertThat(mazl.findValuesAsText("signal")).containsExactlyInAnyOrder("LONG", "EPISODES");
        assertThat(mazl.findValuesAsText("startDate")).containsOnly("2026-09-07");
        for (JsonNode a : mazl) {
            assertThat(a.get("endDate").asText()).isEqualTo("LONG".equals(a.get("signal").asText()) ? "2026-09-15" : "2026-11-02");
            assertThat(a.get("hours").isNull()).as("MAZL counts days, not hours").isTrue();
        }
        // a second sync: still the same two
        syncRoute("ALR04");
        assertThat(get("/api/alerts?school=ALR04&rule=MAZL", "admin").body.findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(mazl.findValuesAsText("id"));
    }

    JsonNode onlyLegalAlert() throws Exception {
        JsonNode list = get("/api/alerts?school=ALR01&rule=LEGAL_16H", "admin").body;
        assertThat(list).as(list.toString()).hasSize(1);
        return list.get(0);
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    record Response(int status, JsonNode body) {
    }

    Response get(String path, String user) throws Exception {
        return send(request(path, user).GET().build());
    }

    Response post(String path, String user) throws Exception {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    String getText(String path, String user) throws Exception {
        HttpResponse<String> response = http.send(request(path, user).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }

    Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();
        return new Response(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
    }

}
