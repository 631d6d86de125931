package nl.lvssync.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.lvs.magister.MagisterStub;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import nl.lvssync.time.ClockConfig;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OPP records end to end on a Magister school (now: Friday 20 November 2026, region noord) whose rule is "profiel TOP
 * or LWOO needs an OPP": enrolments from the LVS, plans from the OPP export folder, the OPP alerts through the alert
 * lifecycle and API, a later export with a new version, the same export twice, a student who leaves, and an absence
 * alert that shows the OPP's arrangement and coach.
 */
@ServiceTest
class OppRecordsTest {

    static final String SCHOOL = "OPP01";
    static final Path FOLDER = ServiceTestSetup.OPP_FOLDER.resolve(SCHOOL);
    static final String HEADER = String.join(";", OppExport.COLUMNS);
    static final String COMPLETE = "arbeid;Beschut werk;Past bij de intake;31-07-2029;Route Arbeid;Stage;Nederlands, rekenen;"
            + "TOP;Wekelijks gesprek;M. Bakker;Rekent op 1F;Werkt zelfstandig;Sluit aan bij de groep;Motivatie;Prikkels";

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** The first export: one plan (version) per line, Dutch and ISO dates mixed as exports do. */
    static final String EXPORT_1 = HEADER + "\r\n"
            // set in time (placed 17 August, set 10 September), complete
            + "4001;P-4001;1;vastgesteld;01-09-2026;10-09-2026;;" + COMPLETE + ";2026-09-12\r\n"
            // placed mid-year (12 October... 19 October in TOP): a concept only
            + "4003;P-4003;1;concept;2026-11-02;;;;;;;;;;;;;;;;;\r\n"
            // set 10 December 2025, never evaluated: the evaluation is due by 10 December 2026
            + "4004;P-4004;1;vastgesteld;20-11-2025;10-12-2025;;" + COMPLETE + ";10-12-2025\r\n"
            // set 1 November 2025, never evaluated: overdue since 1 November 2026
            + "4005;P-4005;1;vastgesteld;01-10-2025;01-11-2025;;" + COMPLETE + ";01-11-2025\r\n"
            // set, but without uitstroombestemming, onderbouwing and the parents' agreement
            + "4006;P-4006;1;vastgesteld;01-09-2026;20-09-2026;;arbeid;;;31-07-2029;Route Arbeid;Stage;Nederlands;"
            + "TOP;Wekelijks gesprek;M. Bakker;1F;Zelfstandig;Sluit aan;Motivatie;Prikkels;\r\n"
            // no TOP profile in the LVS, but a plan: the absence alert shows its arrangement and coach
            + "4007;P-4007;1;vastgesteld;15-05-2026;01-06-2026;;" + COMPLETE + ";01-06-2026\r\n"
            // a line the report names
            + "4008;P-4008;1;klaar;;;;;;;;;;;;;;;;;;;\r\n";

    @Test
    void plansFromTheLvsCompleteAndOnTime() throws Exception {
        stubSchool(true);
        drop("opp_20261120.csv", EXPORT_1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM opp_export WHERE school_id = ?", SCHOOL) == 1);
        assertThat(count("SELECT count(*) FROM opp_plan_version WHERE school_id = ?", SCHOOL)).isEqualTo(6);
        // the export with a bad line is kept in error/ with a report naming it
        assertThat(files("error")).anyMatch(f -> f.endsWith("-opp_20261120.csv"));
        String report = Files.readString(files("error").stream().filter(f -> f.endsWith(".report.txt")).findFirst()
                .map(FOLDER.resolve("error")::resolve).orElseThrow());
        assertThat(report).contains("6 line(s) taken over, 1 not", "line 8: status 'klaar'");
        JsonNode exports = get("/api/schools/" + SCHOOL + "/opp/exports", "admin").body;
        assertThat(exports.get(0).get("badLines").asInt()).isEqualTo(1);
        assertThat(exports.get(0).get("newVersions").asInt()).isEqualTo(6);

        assertThat(syncRoute().status()).isEqualTo(SyncStatus.SUCCEEDED);

        // O1: placed 28 September in TOP, no plan after six weeks (9 November)
        JsonNode overdue = only("OPP_OVERDUE");
        assertThat(overdue.get("student").get("lvsId").asText()).isEqualTo("4002");
        assertThat(overdue.get("startDate").asText()).isEqualTo("2026-09-28");
        assertThat(overdue.get("deadline").asText()).isEqualTo("2026-11-09");
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("status").asText()).isEqualTo("OPEN");
        // O1: placed mid-year (TOP from 19 October, the regular group before): four weeks on, the plan still a concept;
        // the herfstvakantie lay before the placement, the deadline is six calendar weeks on
        JsonNode due = only("OPP_DUE");
        assertThat(due.get("student").get("lvsId").asText()).isEqualTo("4003");
        assertThat(due.get("startDate").asText()).isEqualTo("2026-10-19");
        assertThat(due.get("deadline").asText()).isEqualTo("2026-11-30");
        assertThat(due.get("overdue").asBoolean()).isFalse();
        assertThat(due.get("explanation").asText()).contains("status concept", "profiel TOP");
        // O2: due within four weeks, and overdue
        JsonNode evaluations = get("/api/alerts?school=" + SCHOOL + "&rule=OPP_EVALUATION_DUE", "admin").body;
        assertThat(evaluations.findValuesAsText("lvsId")).containsExactlyInAnyOrder("4004", "4005");
        for (JsonNode e : evaluations) {
            boolean late = e.get("student").get("lvsId").asText().equals("4005");
            assertThat(e.get("deadline").asText()).isEqualTo(late ? "2026-11-01" : "2026-12-10");
            assertThat(e.get("overdue").asBoolean()).isEqualTo(late);
        }
        // O3: set but incomplete, listing what it lacks
        JsonNode incomplete = only("OPP_INCOMPLETE");
        assertThat(incomplete.get("student").get("lvsId").asText()).isEqualTo("4006");
        assertThat(incomplete.get("startDate").asText()).isEqualTo("2026-09-20");
        assertThat(incomplete.get("explanation").asText()).contains("uitstroombestemming", "onderbouwing",
                "instemming ouders met het handelingsdeel").doesNotContain("vakkenpakket");
        // set in time: no alert
        assertThat(get("/api/alerts?school=" + SCHOOL + "&student=4001", "admin").body).isEmpty();

        // O4: the absence alert shows the OPP's arrangement (the school's words for TOP) and coach
        JsonNode legal = only("LEGAL_16H");
        assertThat(legal.get("student").get("lvsId").asText()).isEqualTo("4007");
        assertThat(legal.get("opp").get("arrangement").asText()).isEqualTo("TOP groep");
        assertThat(legal.get("opp").get("coach").asText()).isEqualTo("M. Bakker");
        assertThat(get("/api/alerts/" + legal.get("id").asText(), "admin").body.get("opp").get("coach").asText())
                .isEqualTo("M. Bakker");
        assertThat(getText("/alerts/" + legal.get("id").asText(), "admin")).contains("TOP groep", "M. Bakker");
        // ... and no notification carries it
        List<String> payloads = jdbc.sql("SELECT payload FROM notification_outbox WHERE school_id = ?").param(SCHOOL)
                .query(String.class).list();
        assertThat(payloads).isNotEmpty().noneMatch(p -> p.contains("M. Bakker") || p.contains("TOP groep")
                || p.contains("Beschut werk") || p.contains("uitstroombestemming"));
        assertThat(payloads).anyMatch(p -> p.contains("OPP_OVERDUE"));

        // the school's list with deadline states, filtered
        JsonNode list = get("/api/schools/" + SCHOOL + "/opp", "admin").body;
        assertThat(list.findValuesAsText("lvsId")).containsExactlyInAnyOrder("4001", "4002", "4003", "4004", "4005",
                "4006", "4007");
        assertThat(state(list, "4001")).isEqualTo("SET");
        assertThat(state(list, "4002")).isEqualTo("OVERDUE");
        assertThat(state(list, "4003")).isEqualTo("DUE");
        assertThat(state(list, "4004")).isEqualTo("EVALUATION_DUE");
        assertThat(state(list, "4005")).isEqualTo("EVALUATION_OVERDUE");
        assertThat(get("/api/schools/" + SCHOOL + "/opp?status=OVERDUE", "admin").body.findValuesAsText("lvsId"))
                .containsExactly("4002");
        assertThat(get("/api/schools/" + SCHOOL + "/opp?status=concept", "admin").body.findValuesAsText("lvsId"))
                .containsExactly("4003");
        assertThat(get("/api/schools/" + SCHOOL + "/opp?status=OPP_INCOMPLETE", "admin").body.findValuesAsText("lvsId"))
                .containsExactly("4006");
        assertThat(get("/api/schools/" + SCHOOL + "/opp?status=bijna", "admin").status).isEqualTo(400);
        // coordinators see only their own schools
        assertThat(get("/api/schools/" + SCHOOL + "/opp", "other").status).isEqualTo(404);
        assertThat(get("/api/schools/" + SCHOOL + "/students/4001/opp", "other").status).isEqualTo(404);
        assertThat(get("/api/schools/" + SCHOOL + "/students/9999/opp", "admin").status).isEqualTo(404);

        JsonNode first = get("/api/schools/" + SCHOOL + "/students/4001/opp", "admin").body;
        assertThat(first.get("current").get("versie").asInt()).isEqualTo(1);
        assertThat(first.get("current").get("status").asText()).isEqualTo("vastgesteld");
        assertThat(first.get("current").get("uitstroomprofiel").asText()).isEqualTo("arbeid");
        assertThat(first.get("current").get("vastgesteldOp").asText()).isEqualTo("2026-09-10");
        assertThat(first.get("setInTime").asBoolean()).isTrue();
        assertThat(first.get("placementDate").asText()).isEqualTo("2026-08-17");
        assertThat(first.get("versions")).hasSize(1);
        String page = getText("/api/schools/" + SCHOOL + "/students/4006/opp/print", "admin");
        assertThat(page).contains("Ontwikkelingsperspectiefplan", "Noah Mulder", "Route Arbeid", "ontbreekt",
                "instemming ouders met het handelingsdeel");
        // who read a plan is in the audit log (AVG)
        assertThat(jdbc.sql("SELECT subject_id || ' ' || detail FROM audit_log WHERE subject_type = 'OPP' AND school_id = ?"
                + " ORDER BY id").param(SCHOOL).query(String.class).list()).contains("4001 api", "4006 print");

        // the same export again (another name, the same content): nothing changes
        int versions = count("SELECT count(*) FROM opp_plan_version");
        int history = count("SELECT count(*) FROM alert_history");
        int outbox = count("SELECT count(*) FROM notification_outbox");
        drop("opp_kopie.csv", EXPORT_1);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("done").stream().anyMatch(f -> f.endsWith("-opp_kopie.csv")));
        assertThat(syncRoute().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(count("SELECT count(*) FROM opp_export WHERE school_id = ?", SCHOOL)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM opp_plan_version")).isEqualTo(versions);
        assertThat(count("SELECT count(*) FROM alert_history")).isEqualTo(history);
        assertThat(count("SELECT count(*) FROM notification_outbox")).isEqualTo(outbox);

        // a later export: 4003's plan set in a new version; the older version is kept, the alerts follow the newest
        drop("opp_20261121.csv", HEADER + "\n"
                + "4003;P-4003;1;concept;2026-11-02;;;;;;;;;;;;;;;;;\n"
                + "4003;P-4003;2;vastgesteld;2026-11-02;2026-11-18;;" + COMPLETE + ";2026-11-18\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(
                get("/api/alerts/" + due.get("id").asText(), "admin").body.get("status").asText()));
        JsonNode closed = get("/api/alerts/" + due.get("id").asText(), "admin").body;
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("RESOLVED");
        assertThat(last.get("detail").asText()).contains("vastgesteld op 18-11-2026");
        JsonNode third = get("/api/schools/" + SCHOOL + "/students/4003/opp", "admin").body;
        assertThat(third.get("current").get("versie").asInt()).isEqualTo(2);
        assertThat(third.get("versions")).hasSize(2);
        assertThat(third.get("versions").get(1).get("status").asText()).isEqualTo("concept");
        assertThat(third.get("deadlineState").asText()).isEqualTo("SET");

        // 4002 leaves the school: their OPP alert closes
        stubSchool(false);
        assertThat(syncRoute().status()).isEqualTo(SyncStatus.SUCCEEDED);
        JsonNode left = get("/api/alerts/" + overdue.get("id").asText(), "admin").body;
        assertThat(left.get("status").asText()).isEqualTo("CLOSED");
        assertThat(left.get("history").get(left.get("history").size() - 1).get("detail").asText())
                .contains("niet meer ingeschreven");
    }

    // --- the school in the LVS -------------------------------------------------------------------------------------

    /** Seven students; with {@code withLeaver} false, 4002 is no longer on the list. */
    void stubSchool(boolean withLeaver) {
        MagisterStub lvs = new MagisterStub(ServiceTestSetup.LVS, SCHOOL).token(3600);
        List<String> rows = new ArrayList<>(List.of(
                "4001;9001;Sanne;;Smit;03-03-2012;2t;2 vmbo-b;Hoofdlocatie;;",
                "4002;9002;Daan;;Bakker;04-04-2012;2t;2 vmbo-b;Hoofdlocatie;;",
                "4003;9003;Lotte;de;Vries;05-05-2012;2t;2 vmbo-b;Hoofdlocatie;;",
                "4004;9004;Finn;;Jansen;06-06-2011;3l;3 vmbo-k;Hoofdlocatie;;",
                "4005;9005;Emma;;Visser;07-07-2011;3t;3 vmbo-b;Hoofdlocatie;;",
                "4006;9006;Noah;;Mulder;08-08-2012;2t;2 vmbo-b;Hoofdlocatie;;",
                "4007;9007;Julia;;Bos;09-09-2012;2a;2 vmbo-b;Hoofdlocatie;;"));
        if (!withLeaver) {
            rows.remove(1);
        }
        lvs.students(rows.toArray(String[]::new));
        LocalDate aug26 = LocalDate.of(2026, 8, 17);
        LocalDate jul27 = LocalDate.of(2027, 7, 31);
        lvs.aanmeldingenLive("4001", aanmelding(1, 4001, "2t", "TOP", aug26, jul27));
        lvs.aanmeldingenLive("4002", aanmelding(2, 4002, "2a", null, aug26, LocalDate.of(2026, 9, 27)) + ","
                + aanmelding(3, 4002, "2t", "TOP", LocalDate.of(2026, 9, 28), jul27));
        // placed mid-year: a regular group until the herfstvakantie, TOP from 19 October
        lvs.aanmeldingenLive("4003", aanmelding(4, 4003, "2a", null, aug26, LocalDate.of(2026, 10, 18)) + ","
                + aanmelding(5, 4003, "2t", "TOP", LocalDate.of(2026, 10, 19), jul27));
        lvs.aanmeldingenLive("4004", aanmelding(6, 4004, "2l", "LWOO", LocalDate.of(2024, 8, 19), LocalDate.of(2025, 7, 11))
                + "," + aanmelding(7, 4004, "3l", "LWOO", LocalDate.of(2025, 8, 18), LocalDate.of(2026, 7, 3)) + ","
                + aanmelding(8, 4004, "3l", "LWOO", aug26, jul27));
        lvs.aanmeldingenLive("4005", aanmelding(9, 4005, "3t", "TOP", LocalDate.of(2025, 8, 18), jul27));
        lvs.aanmeldingenLive("4006", aanmelding(10, 4006, "2t", "TOP", aug26, jul27));
        lvs.aanmeldingenLive("4007", aanmelding(11, 4007, "2a", null, aug26, jul27));
        for (String student : List.of("4001", "4002", "4003", "4004", "4005", "4006")) {
            lvs.afspraken(student, "").absenties(student, "");
        }
        weekOfAbsences(lvs, "4007");
    }

    /** A live aanmelding: Start and Einde the UTC instants of local midnight, Profiel the support profile. */
    static String aanmelding(long id, long leerling, String groep, String profiel, LocalDate begin, LocalDate end) {
        return "{\"Id\":" + id + ",\"LeerlingId\":" + leerling + ",\"Start\":\"" + midnight(begin) + "\",\"Einde\":\""
                + midnight(end) + "\",\"Lesperiode\":\"" + (begin.getYear() % 100) + (begin.getYear() % 100 + 1) + "\","
                + "\"Studie\":{\"Id\":40,\"Omschrijving\":\"vmbo-b\"},\"Groep\":{\"Id\":31,\"Omschrijving\":\"" + groep
                + "\",\"LocatieId\":1},\"Profiel\":" + (profiel == null ? "null" : "\"" + profiel + "\"")
                + ",\"Profiel2\":null,\"AanBronMelden\":true}";
    }

    static String midnight(LocalDate day) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000Z'")
                .format(day.atStartOfDay(ClockConfig.AMSTERDAM).toInstant().atZone(java.time.ZoneOffset.UTC));
    }

    /** Unexcused absent from the first four lessons Monday to Thursday 16-19 November: 16 hours (R1). */
    static void weekOfAbsences(MagisterStub lvs, String student) {
        List<String> lessons = new ArrayList<>();
        List<String> absences = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (int period = 1; period <= 6; period++) {
                long id = 70000 + day * 10L + period;
                String date = "2026-11-" + (16 + day);
                int minutes = 7 * 60 + 30 + (period - 1) * 50;
                String start = date + "T" + String.format("%02d:%02d", minutes / 60, minutes % 60) + ":00.0000000Z";
                String end = date + "T" + String.format("%02d:%02d", (minutes + 50) / 60, (minutes + 50) % 60) + ":00.0000000Z";
                lessons.add(MagisterStub.afspraak(id, start, end, period, 1));
                if (day < 4 && period <= 4) {
                    absences.add(MagisterStub.absentie(800000 + id, start, end, period, false, id, 1, "AB"));
                }
            }
        }
        lvs.afspraken(student, String.join(",", lessons)).absenties(student, String.join(",", absences));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    SyncRun syncRoute() {
        return camel.requestBody("direct:sync-run", sync.start(SCHOOL, "TEST").id(), SyncRun.class);
    }

    static void drop(String name, String text) throws Exception {
        Files.createDirectories(FOLDER);
        Path tmp = FOLDER.resolve("." + name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, FOLDER.resolve(name));
    }

    static List<String> files(String sub) {
        try (Stream<Path> files = Files.list(FOLDER.resolve(sub))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    JsonNode only(String rule) throws Exception {
        JsonNode found = get("/api/alerts?school=" + SCHOOL + "&rule=" + rule + "&status=OPEN", "admin").body;
        assertThat(found).as(rule).hasSize(1);
        return found.get(0);
    }

    static String state(JsonNode list, String lvsId) {
        for (JsonNode line : list) {
            if (line.get("student").get("lvsId").asText().equals(lvsId)) {
                return line.get("deadlineState").asText();
            }
        }
        return null;
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path, String user) throws Exception {
        HttpResponse<String> r = http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()));
    }

    String getText(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }
}
