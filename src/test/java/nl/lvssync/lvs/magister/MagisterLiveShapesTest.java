package nl.lvssync.lvs.magister;

import static nl.lvssync.lvs.magister.MagisterStub.aanmelding;
import static nl.lvssync.lvs.magister.MagisterStub.aanmeldingLive;
import static nl.lvssync.lvs.magister.MagisterStub.absentieLive;
import static nl.lvssync.lvs.magister.MagisterStub.afspraak;
import static nl.lvssync.lvs.magister.MagisterStub.afspraakZonderLesuur;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.lvssync.TestSchools;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Magister as live schools answer (lvs-apis.md): PascalCase and camelCase aanmeldingen, absences whose Start and
 * Eind are local midnight with the lesson in Afspraak, in the timetable only, or found by lesuur, LesuurVan null,
 * Status 7 lessons, unknown fields. Everything lands; late arrivals without an arrival time are late arrivals
 * ("minuten te laat onbekend"), and missed lessons only where the code table says UNEXCUSED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MagisterLiveShapesTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'.0000000Z'").withZone(ZoneId.of("UTC"));
    /** Monday 9 to Friday 20 November 2026: ten lesdagen, six 50-minute lessons a day from 08:30 local. */
    static final List<LocalDate> LESDAGEN = new ArrayList<>();

    static {
        lvs.start();
        for (LocalDate d = LocalDate.of(2026, 11, 9); !d.isAfter(LocalDate.of(2026, 11, 20)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                LESDAGEN.add(d);
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSchools.quietService(registry, "liveshapes", "2026-11-20T16:00:00Z");
        TestSchools.admin(registry);
        TestSchools.magister(registry, 0, "LIVE01", lvs.baseUrl() + "/LIVE01");
        // LO: "te laat ongeoorloofd" (more than 20 minutes, the school's own code) counts as a missed lesson
        registry.add("lvs-sync.schools[0].codes.LO", () -> "UNEXCUSED");
        TestSchools.magister(registry, 1, "GD01", lvs.baseUrl() + "/GD01");
        TestSchools.magister(registry, 2, "GD02", lvs.baseUrl() + "/GD02");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void liveShapesLandAndLateArrivalsWithoutATimeAreLateArrivals() throws Exception {
        MagisterStub stub = new MagisterStub(lvs, "LIVE01").token(3600)
                .students("4001;8001;Zoë;;Peeters;02-04-2012;3a;HAVO/3;Hoofdlocatie;;",
                        "4002;8002;Ahmed;el;Amrani;11-09-2011;3b;HAVO/3;Hoofdlocatie;;")
                .aanmeldingenLive("4001", aanmeldingLive(41001, 4001, "HAVO/3", "Klas A", "TOP"))
                .aanmeldingen("4002", aanmelding("41002", "3b"))
                .afspraken("4001", timetable())
                .afspraken("4002", timetable());
        // 4001: six late arrivals in the first lesson (TL, not in the code table: te laat), each lesson found another way
        List<String> tl = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            LocalDate dag = LESDAGEN.get(d);
            long lesson = lessonId(dag, 1);
            String afspraak = switch (d) {
                case 0 -> afspraakZonderLesuur(lesson, start(dag, 1), end(dag, 1), 7);
                case 1, 2 -> null;
                default -> afspraak(lesson, start(dag, 1), end(dag, 1), 1, 1);
            };
            tl.add(absentieLive(700 + d, midnight(dag), 1, false, d == 2 ? 0 : lesson, 2, "TL", afspraak));
        }
        stub.absenties("4001", String.join(",", tl));
        // 4002: late in the first four lessons Monday 16 to Thursday 19 November, coded LO: 16 missed lessons
        List<String> lo = new ArrayList<>();
        for (int d = 5; d < 9; d++) {
            LocalDate dag = LESDAGEN.get(d);
            for (int uur = 1; uur <= 4; uur++) {
                long lesson = lessonId(dag, uur);
                lo.add(absentieLive(800 + d * 10L + uur, midnight(dag), uur, false, uur == 2 ? 0 : lesson, 2, "LO",
                        uur == 3 ? null : afspraakZonderLesuur(lesson, start(dag, uur), end(dag, uur), uur == 4 ? 7 : 1)));
            }
        }
        stub.absenties("4002", String.join(",", lo));

        SyncRun run = sync.execute(sync.start("LIVE01", "TEST").id());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().quarantined()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM quarantine WHERE school_id = 'LIVE01'").query(Integer.class).single()).isZero();

        Map<String, Object> live = jdbc.sql("SELECT * FROM enrolment WHERE school_id = 'LIVE01' AND lvs_id = '41001'").query().singleRow();
        assertThat(live).containsEntry("student_lvs_id", "4001").containsEntry("studie", "HAVO/3").containsEntry("groep", "Klas A")
                .containsEntry("groep_omschrijving", "Klas A").containsEntry("lesperiode", "2627").containsEntry("profiel", "TOP")
                .containsEntry("locatie", "2");
        assertThat(live.get("begin_date").toString()).as("UTC instant of local midnight: 1 August").isEqualTo("2026-08-01");
        assertThat(live.get("end_date").toString()).isEqualTo("2027-07-31");
        Map<String, Object> old = jdbc.sql("SELECT * FROM enrolment WHERE school_id = 'LIVE01' AND lvs_id = '41002'").query().singleRow();
        assertThat(old).containsEntry("student_lvs_id", "4002").containsEntry("studie", "3 havo").containsEntry("groep", "3b")
                .containsEntry("mentor", "J. Jansen").containsEntry("hoofd_aanmelding", true);

        // Status 7 is a lesson that took place; every absence has its local date and its lesson's times
        assertThat(jdbc.sql("SELECT count(*) FROM lesson WHERE school_id = 'LIVE01' AND cancelled = TRUE").query(Integer.class).single()).isZero();
        List<Map<String, Object>> absences = jdbc.sql("SELECT a.student_lvs_id, a.lvs_id, a.absence_date, a.lesson_lvs_id,"
                + " a.lesson_starts_at, a.verdict FROM absence a WHERE a.school_id = 'LIVE01' ORDER BY a.lvs_id").query().listOfRows();
        assertThat(absences).hasSize(6 + 16);
        assertThat(absences).allMatch(a -> a.get("lesson_starts_at") != null && a.get("lesson_lvs_id") != null);
        assertThat(absences.get(0).get("absence_date").toString()).as("midnight 22:00Z/23:00Z is the next local day").isEqualTo("2026-11-09");
        assertThat(absences.stream().filter(a -> a.get("student_lvs_id").equals("4001")).map(a -> a.get("verdict"))).containsOnly("LATE");
        assertThat(absences.stream().filter(a -> a.get("student_lvs_id").equals("4002")).map(a -> a.get("verdict"))).containsOnly("UNEXCUSED");

        evaluation.evaluate("LIVE01", true);

        JsonNode lateStudent = get("/api/alerts?school=LIVE01").body();
        List<JsonNode> of4001 = new ArrayList<>();
        List<JsonNode> of4002 = new ArrayList<>();
        lateStudent.forEach(a -> (a.get("student").get("lvsId").asText().equals("4001") ? of4001 : of4002).add(a));
        assertThat(of4001).as(of4001.toString()).singleElement().satisfies(a -> {
            assertThat(a.get("rule").asText()).isEqualTo("SIGNAL");
            assertThat(a.get("signal").asText()).isEqualTo("LATE");
            assertThat(a.get("explanation").asText()).contains("minuten te laat onbekend");
            assertThat(a.get("student").get("name").asText()).isEqualTo("Zoë Peeters");
        });
        JsonNode legal = of4002.stream().filter(a -> a.get("rule").asText().equals("LEGAL_16H")).findFirst().orElseThrow();
        assertThat(legal.get("startDate").asText()).isEqualTo("2026-11-16");
        assertThat(legal.get("endDate").asText()).isEqualTo("2026-11-19");
        assertThat(legal.get("hours").asDouble()).isEqualTo(16.0);

        JsonNode view = get("/api/schools/LIVE01/students/4001/absences").body();
        assertThat(view).hasSize(6);
        view.forEach(a -> {
            assertThat(a.get("note").asText()).isEqualTo("minuten te laat onbekend");
            assertThat(a.has("minutesLate")).isFalse();
            assertThat(a.get("lessonStart").asText()).endsWith("08:30:00+01:00");
        });
    }

    @Test
    void getDataInWindows1252WithRepeatedHeadersAndARowPerEnrolmentGivesEachStudentOnce() {
        String header = "id;stamnr;roepnaam;tussenv;achternaam;geb_datum;klas;studie;locatie;email;bsn";
        String csv = header + "\r\r\n"
                + "5101;9101;Zoë;;Peeters;02-04-2012;3a;HAVO/3;Hoofdlocatie;;\r\r\n"
                + "5102;9102;Anaïs;van;Beek;11-09-2011;3b;HAVO/3;Hoofdlocatie;;\r\r\n"
                + header + "\r\r\n"
                + "5101;9101;Zoë;;Peeters;02-04-2012;3a;HAVO/3 TOP;Hoofdlocatie;;\r\r\n";
        MagisterStub stub = new MagisterStub(lvs, "GD01").token(3600)
                .studentListBytes(csv.getBytes(java.nio.charset.Charset.forName("windows-1252")), "text/csv")
                .aanmeldingenLive("5101", aanmeldingLive(51011, 5101, "HAVO/3", "Klas A", null) + ","
                        + aanmeldingLive(51012, 5101, "HAVO/3 TOP", "Klas A", "TOP"))
                .aanmeldingenLive("5102", aanmeldingLive(51021, 5102, "HAVO/3", "Klas B", null))
                .afspraken("5101", "").afspraken("5102", "").absenties("5101", "").absenties("5102", "");

        SyncRun run = sync.execute(sync.start("GD01", "TEST").id());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().students()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT roepnaam FROM student WHERE school_id = 'GD01' ORDER BY lvs_id").query(String.class).list())
                .containsExactly("Zoë", "Anaïs");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE school_id = 'GD01' AND student_lvs_id = '5101'")
                .query(Integer.class).single()).as("both enrolments kept").isEqualTo(2);
        lvs.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/GD01/api/leerlingen/5101/aanmeldingen")));
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = 'GD01' AND lvs_id = 'id'").query(Integer.class).single())
                .as("the repeated header is no student").isZero();
    }

    @Test
    void anErrorTextInPlaceOfTheStudentListFailsTheRunWithItsMessage() {
        new MagisterStub(lvs, "GD02").token(3600).studentListBytes(("<?xml version=\"1.0\"?><Response><ResultMessage>Fout: layout"
                + " LVS-Sync-Leerlingen niet gevonden</ResultMessage><Fout_nummer>4</Fout_nummer></Response>")
                .getBytes(StandardCharsets.UTF_8), "text/plain");

        SyncRun run = sync.execute(sync.start("GD02", "TEST").id());

        assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(run.error()).contains("layout LVS-Sync-Leerlingen niet gevonden").contains("Fout_nummer");
        assertThat(run.counts().students()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = 'GD02'").query(Integer.class).single()).isZero();
        lvs.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/GD02/doc")));
    }

    /** Every lesdag's six lessons; lesson 2 has Status 7, which is a normal lesson. */
    static String timetable() {
        List<String> lessons = new ArrayList<>();
        for (LocalDate dag : LESDAGEN) {
            for (int uur = 1; uur <= 6; uur++) {
                lessons.add(afspraak(lessonId(dag, uur), start(dag, uur), end(dag, uur), uur, uur == 2 ? 7 : 1)
                        .replace("\"Groepen\":null", "\"Groepen\":null,\"HeeftBijlagen\":false,\"Aantekening\":null"));
            }
        }
        return String.join(",", lessons);
    }

    static long lessonId(LocalDate dag, int uur) {
        return dag.getDayOfMonth() * 100L + uur;
    }

    static String start(LocalDate dag, int uur) {
        return UTC.format(dag.atTime(8, 30).plusMinutes(50L * (uur - 1)).atZone(AMSTERDAM));
    }

    static String end(LocalDate dag, int uur) {
        return UTC.format(dag.atTime(8, 30).plusMinutes(50L * uur).atZone(AMSTERDAM));
    }

    static String midnight(LocalDate dag) {
        return UTC.format(dag.atStartOfDay(AMSTERDAM));
    }

    record Response(int status, JsonNode body) {
    }

    Response get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), json.readTree(r.body()));
    }
}
