package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.lvssync.lvs.magister.MagisterEndpoints;
import nl.lvssync.verzuim.kalender.Regio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP: authentication, the exact Magister shapes, determinism and faults. */
class LvsSimulatorHttpTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final String SCHOOL = "99HTTP00";
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.0000000Z";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static LvsSimulator sim;

    @BeforeAll
    static void start() {
        sim = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(20), CLOCK);
        sim.addSchool(SCHOOL, Regio.NOORD);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postToken(MagisterEndpoints e, String clientSecret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(e.clientId()) + "&client_secret=" + enc(clientSecret);
        return HTTP.send(HttpRequest.newBuilder(URI.create(e.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(LvsSimulator simulator, String school) throws Exception {
        return JSON.readTree(postToken(simulator.magisterEndpoints(school),
                simulator.magisterEndpoints(school).clientSecret()).body()).get("access_token").asText();
    }

    static String getDataUrl(MagisterEndpoints e, String user, String password) {
        return e.webservicesUrl() + "/doc?Function=GetData&Library=Data&SessionToken=" + enc(user) + ";" + enc(password)
                + "&Layout=" + enc(e.studentLayout()) + "&Parameters=&Type=CSV";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String firstStudentId(LvsSimulator simulator, String school) throws Exception {
        MagisterEndpoints e = simulator.magisterEndpoints(school);
        String csv = get(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()), null).body();
        return csv.split("\r\n")[1].split(";")[0];
    }

    @Test
    void theTokenEndpointChecksTheClientCredentials() throws Exception {
        MagisterEndpoints e = sim.magisterEndpoints(SCHOOL);
        assertThat(e.tokenUrl()).isEqualTo(sim.baseUrl() + "/magister/" + SCHOOL + "/connect/token");
        assertThat(e.apiBaseUrl()).startsWith("http://127.0.0.1:");

        HttpResponse<String> ok = postToken(e, e.clientSecret());
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(ok.body());
        assertThat(fields(token)).containsExactly("access_token", "token_type", "expires_in", "scope");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);

        HttpResponse<String> bad = postToken(e, "wrong");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("invalid_client");
        // the health probe GETs the token endpoint: any answer below 500 means "reachable"
        assertThat(get(e.tokenUrl(), null).statusCode()).isEqualTo(405);
    }

    @Test
    void theApiWantsAValidBearerTokenOfThatSchool() throws Exception {
        sim.addSchool("99HTTP01", Regio.ZUID, 5);
        String id = firstStudentId(sim, SCHOOL);
        String url = sim.schoolUrl(SCHOOL) + "/api/leerlingen/" + id + "/aanmeldingen?begin=1970-01-01";

        HttpResponse<String> none = get(url, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("Message").asText()).contains("denied");
        assertThat(get(url, "sim.forged.token").statusCode()).isEqualTo(401);
        assertThat(get(url, token(sim, "99HTTP01")).statusCode()).as("another school's token").isEqualTo(401);
        assertThat(get(url, token(sim, SCHOOL)).statusCode()).isEqualTo(200);
        assertThat(get(sim.schoolUrl(SCHOOL) + "/api/personen/1/absenties?van=2026-11-01&tot=2026-11-08",
                token(sim, SCHOOL)).statusCode()).as("unknown person").isEqualTo(404);
        assertThat(get(sim.baseUrl() + "/magister/NOSUCH/api/personen/1/absenties", null).statusCode()).isEqualTo(404);
    }

    @Test
    void getDataAnswersTheDefaultColumnsAsCsv() throws Exception {
        MagisterEndpoints e = sim.magisterEndpoints(SCHOOL);
        HttpResponse<String> response = get(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id;stamnr;roepnaam;tussenv;achternaam;geb_datum;klas;studie;locatie;email;bsn");
        assertThat(lines).hasSize(21);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(";", -1);
            assertThat(f).hasSize(11);
            assertThat(f[0]).matches("\\d+");
            assertThat(f[5]).matches("\\d\\d-\\d\\d-\\d{4}");
            assertThat(f[6]).matches("[1-6][a-z]");
            assertThat(f[10]).matches("\\d{9}");
        }
        assertThat(get(getDataUrl(e, e.webservicesUser(), "wrong"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiAnswersTheExactMagisterShapes() throws Exception {
        String token = token(sim, SCHOOL);
        String base = sim.schoolUrl(SCHOOL) + "/api";
        // a thuiszitter or a spijbelaar is among the first 20; find any student with absences
        JsonNode absenties = null;
        String id = null;
        MagisterEndpoints e = sim.magisterEndpoints(SCHOOL);
        for (String line : get(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()), null).body().split("\r\n")) {
            if (line.startsWith("id;")) {
                continue;
            }
            id = line.split(";")[0];
            absenties = JSON.readTree(get(base + "/personen/" + id + "/absenties?van=2026-08-01&tot=2026-11-21", token).body());
            if (absenties.get("Items").size() > 0) {
                break;
            }
        }
        assertThat(fields(absenties)).containsExactly("Items", "Links");
        // live Magister: the absence's own Start and Eind are the UTC instant of local midnight (the date only); the
        // lesson comes in Afspraak, which may carry LesuurVan null or be left out (then AfspraakId names it)
        int withCopy = 0;
        int withoutCopy = 0;
        int withoutLesuur = 0;
        for (JsonNode a : absenties.get("Items")) {
            assertThat(a.get("Start").asText()).matches(TIMESTAMP);
            assertThat(a.get("Eind").asText()).isEqualTo(a.get("Start").asText());
            Instant start = Instant.parse(a.get("Start").asText().replace(".0000000Z", "Z"));
            assertThat(start.atZone(ZoneId.of("Europe/Amsterdam")).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
            assertThat(a.get("Id").isIntegralNumber()).isTrue();
            assertThat(a.get("Code").asText()).isIn("AB", "ZK", "TL", "TLG", "GA", "VL", "SC");
            if (a.has("Afspraak")) {
                withCopy++;
                assertThat(fields(a)).containsExactly("Id", "Start", "Eind", "Lesuur", "Geoorloofd", "AfspraakId",
                        "Omschrijving", "Verantwoordingtype", "Code", "Afspraak");
                assertThat(a.get("AfspraakId").asLong()).isEqualTo(a.get("Afspraak").get("Id").asLong());
                assertAfspraak(a.get("Afspraak"));
                withoutLesuur += a.get("Afspraak").get("LesuurVan").isNull() ? 1 : 0;
            } else {
                withoutCopy++;
                assertThat(fields(a)).containsExactly("Id", "Start", "Eind", "Lesuur", "Geoorloofd", "AfspraakId",
                        "Omschrijving", "Verantwoordingtype", "Code");
            }
        }
        assertThat(withCopy).isPositive();
        assertThat(withoutCopy + withoutLesuur).as("some absences come without (all of) their lesson").isPositive();

        JsonNode afspraken = JSON.readTree(get(base + "/personen/" + id + "/afspraken?van=2026-08-17&tot=2026-11-21", token).body());
        assertThat(fields(afspraken)).containsExactly("Items");
        afspraken.get("Items").forEach(LvsSimulatorHttpTest::assertAfspraak);
        List<Integer> statuses = new ArrayList<>();
        afspraken.get("Items").forEach(l -> statuses.add(l.get("Status").asInt()));
        assertThat(statuses).as("Status 7: a changed lesson that takes place").contains(1, 7).containsOnly(1, 4, 5, 7);
        JsonNode week = JSON.readTree(get(base + "/personen/" + id + "/afspraken?van=2026-11-16&tot=2026-11-21", token).body());
        assertThat(week.get("Items").size()).as("five days of 5 to 8 lessons").isBetween(25, 40);
        assertThat(week.get("Items").get(0).get("Start").asText()).isEqualTo("2026-11-16T07:30:00.0000000Z");

        JsonNode aanmeldingen = JSON.readTree(get(base + "/leerlingen/" + id + "/aanmeldingen?begin=1970-01-01", token).body());
        assertThat(fields(aanmeldingen)).containsExactly("Items");
        JsonNode m = aanmeldingen.get("Items").get(0);
        assertThat(fields(m)).containsExactly("Id", "Links", "LeerlingId", "Start", "Einde", "Lesperiode", "Studie", "Groep",
                "Profiel", "Profiel2", "AanBronMelden");
        assertThat(fields(m.get("Studie"))).containsExactly("Id", "Omschrijving");
        assertThat(fields(m.get("Groep"))).containsExactly("Id", "Links", "Omschrijving", "LocatieId");
        assertThat(m.get("Lesperiode").asText()).isEqualTo("2627");
        assertThat(m.get("LeerlingId").asText()).isEqualTo(id);
        assertThat(m.get("Start").asText()).as("local midnight of 1 August, in UTC").isEqualTo("2026-07-31T22:00:00.0000000Z");
        assertThat(m.get("Einde").asText()).isEqualTo("2027-07-30T22:00:00.0000000Z");
        assertThat(m.get("Profiel").isNull() || List.of("LWOO", "TOP").contains(m.get("Profiel").asText()))
                .as("no support profile, or LWOO or TOP").isTrue();
    }

    @Test
    void theDocumentedCamelCaseAanmeldingenAreAnOption() throws Exception {
        try (LvsSimulator documented = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(3)
                .withShapes(SimulatorShapes.LIVE.withDocumentedAanmeldingen(true)), CLOCK)) {
            documented.addSchool(SCHOOL, Regio.NOORD);
            String id = firstStudentId(documented, SCHOOL);
            JsonNode aanmeldingen = JSON.readTree(get(documented.schoolUrl(SCHOOL) + "/api/leerlingen/" + id
                    + "/aanmeldingen?begin=1970-01-01", token(documented, SCHOOL)).body());
            assertThat(fields(aanmeldingen)).containsExactly("items");
            JsonNode m = aanmeldingen.get("items").get(0);
            assertThat(fields(m)).containsExactly("id", "studie", "groep", "lesperiode", "profielen", "persoonlijkeMentor",
                    "begin", "einde", "isHoofdAanmelding", "links");
            assertThat(m.get("lesperiode").get("code").asText()).isEqualTo("2627");
            assertThat(m.get("begin").asText()).isEqualTo("2026-08-01T00:00:00");
        }
    }

    @Test
    void getDataVariantsAsLiveLayoutsSendThem() throws Exception {
        try (LvsSimulator messy = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(20)
                .withShapes(SimulatorShapes.messiestGetData()), CLOCK)) {
            messy.addSchool(SCHOOL, Regio.NOORD);
            MagisterEndpoints e = messy.magisterEndpoints(SCHOOL);
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(getDataUrl(e, e.webservicesUser(),
                    e.webservicesPassword()))).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv");
            String text = new String(response.body(), java.nio.charset.Charset.forName("windows-1252"));
            assertThat(text).startsWith("ID;STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS\r\r\n");
            assertThat(text.split("\r\r\n", -1)).filteredOn(l -> l.startsWith("ID;")).as("the header, and again every 5 students")
                    .hasSize(4);
            List<String> ids = new ArrayList<>();
            for (String line : text.split("\r\r\n")) {
                if (!line.startsWith("ID;")) {
                    ids.add(line.split(";")[0]);
                }
            }
            assertThat(ids.size()).as("students above the first year have a row for last year's class too").isGreaterThan(20);
            assertThat(ids.stream().distinct().count()).isEqualTo(20);
            // the default: UTF-8, \r\n, one row per student, the default columns
            assertThat(csv(sim)).startsWith(MagisterResponses.CSV_HEADER + "\r\n").doesNotContain("\r\r\n");
        }
    }

    static void assertAfspraak(JsonNode l) {
        assertThat(fields(l)).containsExactly("Id", "Start", "Einde", "LesuurVan", "LesuurTotMet", "DuurtHeleDag",
                "Omschrijving", "Lokatie", "Status", "Type", "Vakken", "Docenten", "Lokalen", "Groepen");
        assertThat(l.get("Type").asInt()).isEqualTo(13);
        assertThat(l.get("Start").asText()).matches(TIMESTAMP);
        assertThat(l.get("Einde").asText()).matches(TIMESTAMP);
        assertThat(fields(l.get("Vakken").get(0))).containsExactly("Id", "Naam");
        assertThat(fields(l.get("Docenten").get(0))).containsExactly("Id", "Naam", "Docentcode");
        assertThat(fields(l.get("Lokalen").get(0))).containsExactly("Naam");
        assertThat(l.get("Groepen").isNull()).isTrue();
        assertThat(l.get("Omschrijving").asText()).matches("[a-z]{2} - [A-Z]{3} - [1-6][a-z]");
    }

    @Test
    void aHolidayWeekHasNoLessonsAndTheFutureNoAbsences() throws Exception {
        String token = token(sim, SCHOOL);
        String id = firstStudentId(sim, SCHOOL);
        String base = sim.schoolUrl(SCHOOL) + "/api/personen/" + id;
        // noord autumn holiday: 10-18 October 2026
        assertThat(JSON.readTree(get(base + "/afspraken?van=2026-10-12&tot=2026-10-17", token).body()).get("Items")).isEmpty();
        assertThat(JSON.readTree(get(base + "/afspraken?van=2026-10-05&tot=2026-10-10", token).body()).get("Items")).isNotEmpty();
        assertThat(JSON.readTree(get(base + "/afspraken?van=2027-06-07&tot=2027-06-12", token).body()).get("Items"))
                .as("lessons for the whole school year").isNotEmpty();
        for (JsonNode a : JSON.readTree(get(base + "/absenties?van=2026-08-01&tot=2027-08-01", token).body()).get("Items")) {
            assertThat(Instant.parse(a.get("Start").asText().replace(".0000000Z", "Z"))).isBefore(CLOCK.instant());
        }
    }

    @Test
    void theSameSeedServesTheSameBytesAndAnotherSeedOthers() throws Exception {
        try (LvsSimulator same = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(20), CLOCK);
             LvsSimulator other = LvsSimulator.start(SimulatorSettings.of(43).withStudentsPerSchool(20), CLOCK)) {
            same.addSchool(SCHOOL, Regio.NOORD);
            other.addSchool(SCHOOL, Regio.NOORD);
            String a = csv(sim);
            assertThat(csv(same)).isEqualTo(a);
            assertThat(csv(other)).isNotEqualTo(a);
            String id = firstStudentId(sim, SCHOOL);
            String path = "/api/personen/" + id + "/absenties?van=2026-08-01&tot=2026-11-21";
            assertThat(get(same.schoolUrl(SCHOOL) + path, token(same, SCHOOL)).body())
                    .isEqualTo(get(sim.schoolUrl(SCHOOL) + path, token(sim, SCHOOL)).body());
        }
    }

    static String csv(LvsSimulator simulator) throws Exception {
        MagisterEndpoints e = simulator.magisterEndpoints(SCHOOL);
        return get(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()), null).body();
    }

    @Test
    void faultsAreInjectedAsConfigured() throws Exception {
        SimulatorFaults faults = SimulatorFaults.NONE.withRateLimit(2, 25).withServerErrorEvery(3).withHtmlError(5, 200)
                .withUnauthorizedEvery(7).withMalformedAbsenceEvery(3);
        try (LvsSimulator faulty = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(20).withFaults(faults), CLOCK)) {
            faulty.addSchool(SCHOOL, Regio.NOORD);
            String token = token(faulty, SCHOOL);
            String url = faulty.schoolUrl(SCHOOL) + "/api/personen/" + firstStudentId(faulty, SCHOOL) // request 1
                    + "/afspraken?van=2026-11-16&tot=2026-11-17";
            HttpResponse<String> r2 = get(url, token);
            assertThat(r2.statusCode()).isEqualTo(429);
            assertThat(r2.body()).isEqualTo("{\"Message\":\"Rate limit reached. Reset in 25 seconds.\",\"SecondsLeft\":25}");
            HttpResponse<String> r3 = get(url, token);
            assertThat(r3.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(r3.body()).has("Message")).isTrue();
            assertThat(get(url, token).statusCode()).as("request 4").isEqualTo(429);
            HttpResponse<String> r5 = get(url, token);
            assertThat(r5.statusCode()).isEqualTo(200);
            assertThat(r5.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r5.body()).startsWith("<!DOCTYPE html>");
            assertThat(get(url, token).statusCode()).as("request 6").isEqualTo(429);
            assertThat(get(url, token).statusCode()).as("request 7: revoked").isEqualTo(401);
            assertThat(get(url, token).statusCode()).as("request 8").isEqualTo(429);
        }
    }

    @Test
    void someAbsencesAreMalformedAndAlwaysTheSameOnes() throws Exception {
        try (LvsSimulator faulty = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(20)
                .withFaults(SimulatorFaults.NONE.withMalformedAbsenceEvery(2)), CLOCK)) {
            faulty.addSchool(SCHOOL, Regio.NOORD);
            String token = token(faulty, SCHOOL);
            int malformed = 0;
            int total = 0;
            MagisterEndpoints e = faulty.magisterEndpoints(SCHOOL);
            for (String line : get(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()), null).body().split("\r\n")) {
                if (line.startsWith("id;")) {
                    continue;
                }
                String url = faulty.schoolUrl(SCHOOL) + "/api/personen/" + line.split(";")[0]
                        + "/absenties?van=2026-08-01&tot=2026-11-21";
                String body = get(url, token).body();
                assertThat(get(url, token).body()).isEqualTo(body);
                for (JsonNode a : JSON.readTree(body).get("Items")) {
                    total++;
                    String start = a.get("Start").asText();
                    if (!start.matches(TIMESTAMP) || start.compareTo(a.get("Eind").asText()) > 0) {
                        malformed++;
                    }
                }
            }
            assertThat(malformed).isGreaterThan(total / 4).isLessThan(total * 3 / 4);
        }
    }

    @Test
    void tokensExpire() throws Exception {
        try (LvsSimulator shortLived = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(3)
                .withFaults(SimulatorFaults.NONE.withTokenLifetimeSeconds(1)), CLOCK)) {
            shortLived.addSchool(SCHOOL, Regio.NOORD);
            String id = firstStudentId(shortLived, SCHOOL);
            String token = token(shortLived, SCHOOL);
            String url = shortLived.schoolUrl(SCHOOL) + "/api/leerlingen/" + id + "/aanmeldingen?begin=1970-01-01";
            assertThat(get(url, token).statusCode()).isEqualTo(200);
            Thread.sleep(1100);
            assertThat(get(url, token).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void slowResponsesWaitTheFixedDelay() throws Exception {
        try (LvsSimulator slow = LvsSimulator.start(SimulatorSettings.of(42).withStudentsPerSchool(3)
                .withFaults(SimulatorFaults.NONE.withFixedDelayMs(300)), CLOCK)) {
            slow.addSchool(SCHOOL, Regio.NOORD);
            long t0 = System.nanoTime();
            firstStudentId(slow, SCHOOL);
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void aLargeSchoolsStudentListIsStreamed() throws Exception {
        sim.addSchool("99BIG000", Regio.MIDDEN, 20_000);
        MagisterEndpoints e = sim.magisterEndpoints("99BIG000");
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.util.stream.Stream<String>> response = http11.send(HttpRequest.newBuilder(
                URI.create(getDataUrl(e, e.webservicesUser(), e.webservicesPassword()))).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        // sent while it is generated: no Content-Length known up front
        assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body().count()).isEqualTo(20_001);
    }
}
