package nl.lvssync.lvs.magister;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.absentie;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Magister connector and the sync against WireMock stubs with the exact field names of lvs-apis.md. */
@ServiceTest
class MagisterSyncTest {

    static final WireMockServer lvs = ServiceTestSetup.LVS;

    @Autowired
    SyncService sync;
    @Autowired
    JdbcClient jdbc;

    SyncRun runOnce(String school) {
        return sync.execute(sync.start(school, "TEST").id());
    }

    static MagisterStub oneStudentSchool(String school) {
        MagisterStub stub = new MagisterStub(lvs, school).token(3600)
                .students("1001;5001;Sanne;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;sanne@example.nl;123456782")
                .aanmeldingen("1001", aanmelding("77", "3a"))
                // 2026-11-16 is a Monday: 08:30 local = 07:30Z (CET)
                .afspraken("1001", String.join(",",
                        afspraak(9001, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, 1),
                        afspraak(9002, "2026-11-16T08:20:00.0000000Z", "2026-11-16T09:10:00.0000000Z", 2, 4),
                        afspraak(9003, "2026-11-16T09:30:00.0000000Z", "2026-11-16T11:00:00.0000000Z", 3, 1)));
        return stub;
    }

    @Test
    void mapsEveryFieldWeKeep() {
        oneStudentSchool("MAP01").absenties("1001", String.join(",",
                absentie(123456, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB"),
                absentie(123457, "2026-11-16T09:30:00.0000000Z", "2026-11-16T11:00:00.0000000Z", 3, true, 9003, 3, "ZK")));

        SyncRun run = runOnce("MAP01");

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(1);
        assertThat(run.counts().absences()).isEqualTo(2);
        Map<String, Object> s = jdbc.sql("SELECT * FROM student WHERE school_id = 'MAP01' AND lvs_id = '1001'").query().singleRow();
        assertThat(s).containsEntry("stamnr", "5001").containsEntry("roepnaam", "Sanne").containsEntry("tussenvoegsel", "van")
                .containsEntry("achternaam", "Dijk").containsEntry("klas", "3a").containsEntry("studie", "3 havo")
                .containsEntry("locatie", "Hoofdlocatie").containsEntry("email", "sanne@example.nl")
                .containsEntry("bsn", "123456782").containsEntry("active", true);
        assertThat(s.get("birth_date").toString()).isEqualTo("2011-03-07");

        Map<String, Object> e = jdbc.sql("SELECT * FROM enrolment WHERE school_id = 'MAP01' AND lvs_id = '77'").query().singleRow();
        assertThat(e).containsEntry("student_lvs_id", "1001").containsEntry("studie", "3 havo").containsEntry("groep", "3a")
                .containsEntry("groep_omschrijving", "Klas 3a").containsEntry("lesperiode", "2526")
                .containsEntry("mentor", "J. Jansen").containsEntry("hoofd_aanmelding", true);
        assertThat(e.get("begin_date").toString()).isEqualTo("2026-08-01");
        assertThat(e.get("end_date").toString()).isEqualTo("2027-07-31");

        List<Map<String, Object>> lessons = jdbc.sql("SELECT * FROM lesson WHERE school_id = 'MAP01' ORDER BY lvs_id").query().listOfRows();
        assertThat(lessons).hasSize(3);
        assertThat(lessons.get(0)).containsEntry("lvs_id", "9001").containsEntry("cancelled", false)
                .containsEntry("lesuur_van", 1).containsEntry("subject", "Engels").containsEntry("lvs_status", 1);
        assertThat(lessons.get(0).get("lesson_date").toString()).isEqualTo("2026-11-16");
        // Status 4 = vervallen: kept, but not a lesson
        assertThat(lessons.get(1)).containsEntry("lvs_id", "9002").containsEntry("cancelled", true);

        Map<String, Object> ab = jdbc.sql("SELECT * FROM absence WHERE school_id = 'MAP01' AND lvs_id = '123456'").query().singleRow();
        assertThat(ab).containsEntry("student_lvs_id", "1001").containsEntry("lesson_lvs_id", "9001")
                .containsEntry("lesuur", 1).containsEntry("code", "AB").containsEntry("lvs_type", 1)
                .containsEntry("lvs_excused", false).containsEntry("verdict", "UNEXCUSED").containsEntry("deleted", false)
                .containsEntry("description", "Absent");
        assertThat(ab.get("absence_date").toString()).isEqualTo("2026-11-16");
        assertThat(jdbc.sql("SELECT verdict FROM absence WHERE school_id = 'MAP01' AND lvs_id = '123457'")
                .query(String.class).single()).isEqualTo("SICK");
        // the GetData call carries the Webservices credentials and layout
        lvs.verify(getRequestedFor(urlPathEqualTo("/MAP01/doc"))
                .withQueryParam("Function", com.github.tomakehurst.wiremock.client.WireMock.equalTo("GetData"))
                .withQueryParam("SessionToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("ws;pw;1"))
                .withQueryParam("Layout", com.github.tomakehurst.wiremock.client.WireMock.equalTo("LVS-Sync-Leerlingen"))
                .withQueryParam("Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("CSV")));
        lvs.verify(getRequestedFor(urlPathEqualTo("/MAP01/api/personen/1001/absenties"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok-MAP01")));

        SyncRun second = runOnce("MAP01");
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.counts().created() + second.counts().updated() + second.counts().deleted())
                .as("a second identical run changes nothing").isZero();
        assertThat(jdbc.sql("SELECT rules_dirty FROM student WHERE school_id = 'MAP01'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void firstSyncReadsTheSchoolYearThenASlidingWindowOfSixLesweken() {
        oneStudentSchool("WIN01").absenties("1001", "");

        SyncRun first = runOnce("WIN01");
        SyncRun second = runOnce("WIN01");

        assertThat(first.windowFrom()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(first.windowTo()).isEqualTo(LocalDate.of(2026, 11, 20));
        // 6 lesweken back from the week of Mon 16 Nov, skipping the noord autumn holiday week of 12 Oct
        assertThat(second.windowFrom()).isEqualTo(LocalDate.of(2026, 10, 5));
        // the school year is read in chunks of at most 63 days (chunk-days): 2 calls the first time, 1 the second
        lvs.verify(2 + 1, getRequestedFor(urlPathEqualTo("/WIN01/api/personen/1001/absenties")));
        lvs.verify(getRequestedFor(urlPathEqualTo("/WIN01/api/personen/1001/absenties"))
                .withQueryParam("van", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-08-01"))
                .withQueryParam("tot", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-10-03")));
        lvs.verify(getRequestedFor(urlPathEqualTo("/WIN01/api/personen/1001/afspraken"))
                .withQueryParam("van", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-10-05")));
    }

    @Test
    void a401LeadsToOneReAuthenticationAndTheCallIsRepeated() {
        MagisterStub stub = oneStudentSchool("TOK01").absenties("1001", "");
        // the first absenties call is refused as if the token were revoked; after re-auth it succeeds
        stub.stubFor(get(urlPathEqualTo("/TOK01/api/personen/1001/absenties")).inScenario("revoked")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401)
                        .withBody("{\"Message\":\"Unauthorized\"}")).willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo("/TOK01/api/personen/1001/absenties")).inScenario("revoked")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"Items\":[],\"Links\":[]}")));

        SyncRun run = runOnce("TOK01");

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        lvs.verify(2, postRequestedFor(urlPathEqualTo("/TOK01/connect/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials")));
    }

    @Test
    void aTokenIsRenewedBeforeItExpires() {
        // expires_in=0: the token is already due for renewal at every call
        oneStudentSchool("EXP01").token(0).absenties("1001", "");

        SyncRun run = runOnce("EXP01");

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        int tokenCalls = lvs.countRequestsMatching(postRequestedFor(urlPathEqualTo("/EXP01/connect/token")).build()).getCount();
        int apiCalls = lvs.countRequestsMatching(getRequestedFor(urlPathMatching("/EXP01/api/.*")).build()).getCount();
        assertThat(apiCalls).isEqualTo(1 + 2 * 2); // aanmeldingen, afspraken and absenties in 2 date chunks
        assertThat(tokenCalls).isEqualTo(apiCalls);
    }

    @Test
    void rateLimitBodyIsWaitedOutThenTheCallSucceeds() {
        MagisterStub stub = oneStudentSchool("RL01");
        stub.stubFor(get(urlPathEqualTo("/RL01/api/personen/1001/absenties")).inScenario("rl")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"Message\":\"Rate limit reached. Reset in 1 seconds.\",\"SecondsLeft\":1}"))
                .willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo("/RL01/api/personen/1001/absenties")).inScenario("rl")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"Items\":[" + absentie(555, "2026-11-16T07:30:00.0000000Z",
                        "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB") + "],\"Links\":[]}")));

        long t0 = System.nanoTime();
        SyncRun run = runOnce("RL01");
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().absences()).isEqualTo(1);
        assertThat(waitedMs).as("waited SecondsLeft, not our 20 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void htmlErrorPageIsATransientFaultAndIsRetried() {
        MagisterStub stub = oneStudentSchool("HTML01").absenties("1001", "");
        stub.stubFor(get(urlPathEqualTo("/HTML01/api/leerlingen/1001/aanmeldingen")).inScenario("html")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>"))
                .willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo("/HTML01/api/leerlingen/1001/aanmeldingen")).inScenario("html")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"items\":[" + aanmelding("78", "3a") + "]}")));

        SyncRun run = runOnce("HTML01");

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        lvs.verify(2, getRequestedFor(urlPathEqualTo("/HTML01/api/leerlingen/1001/aanmeldingen")));
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE school_id = 'HTML01'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void malformedAbsencesAreQuarantinedWhileTheRestLands() {
        String endBeforeStart = absentie(701, "2026-11-16T08:20:00.0000000Z", "2026-11-16T07:30:00.0000000Z", 1, false, 9001, 1, "AB");
        String badTime = absentie(702, "not-a-date", "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB");
        String good = absentie(703, "2026-11-16T09:30:00.0000000Z", "2026-11-16T11:00:00.0000000Z", 3, false, 9003, 1, "AB");
        oneStudentSchool("BAD01").absenties("1001", String.join(",", endBeforeStart, badTime, good));

        SyncRun run = runOnce("BAD01");

        assertThat(run.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(run.counts().quarantined()).isEqualTo(2 * 2); // both bad records, in each of the 2 date chunks
        assertThat(jdbc.sql("SELECT lvs_id FROM absence WHERE school_id = 'BAD01'").query(String.class).list()).containsExactly("703");
        List<Map<String, Object>> q = jdbc.sql("SELECT record_type, record_key, reason, payload, occurrences FROM quarantine"
                + " WHERE school_id = 'BAD01' ORDER BY record_key").query().listOfRows();
        assertThat(q).hasSize(2);
        assertThat(q.get(0)).containsEntry("record_type", "ABSENCE").containsEntry("record_key", "701");
        assertThat((String) q.get(0).get("reason")).contains("ends").contains("before it starts");
        assertThat((String) q.get(0).get("payload")).contains("\"Id\":701");
        assertThat((String) q.get(1).get("reason")).contains("'not-a-date' is not a timestamp");
    }

    @Test
    void anAbsenceRemovedInTheLvsIsMarkedDeleted() {
        String keep = absentie(801, "2026-11-16T07:30:00.0000000Z", "2026-11-16T08:20:00.0000000Z", 1, false, 9001, 1, "AB");
        String removed = absentie(802, "2026-11-16T09:30:00.0000000Z", "2026-11-16T11:00:00.0000000Z", 3, false, 9003, 1, "AB");
        MagisterStub stub = oneStudentSchool("DEL01").absenties("1001", keep + "," + removed);
        runOnce("DEL01");
        jdbc.sql("UPDATE student SET rules_dirty = FALSE WHERE school_id = 'DEL01'").update();

        stub.absenties("1001", keep);
        SyncRun run = runOnce("DEL01");

        assertThat(run.counts().deleted()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT deleted FROM absence WHERE school_id = 'DEL01' AND lvs_id = '802'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT deleted FROM absence WHERE school_id = 'DEL01' AND lvs_id = '801'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT rules_dirty FROM student WHERE school_id = 'DEL01'").query(Boolean.class).single())
                .as("a change marks the student for re-evaluation").isTrue();
    }
}
