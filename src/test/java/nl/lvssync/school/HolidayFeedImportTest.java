package nl.lvssync.school;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static nl.lvssync.verzuim.kalender.RijksoverheidVakantiesTest.feed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.lvssync.TestSchools;
import nl.lvssync.verzuim.kalender.RijksoverheidVakantiesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * POST /api/holidays/import against a feed on WireMock: the real feed's shapes import with their dates as written;
 * a bad answer of the feed is a 502 and bad input a 400, each with its reason, and neither changes the table in force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HolidayFeedImportTest {

    static final WireMockServer feed = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        feed.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSchools.quietService(registry, "holidayfeed", "2026-11-20T10:00:00Z");
        TestSchools.admin(registry);
        registry.add("lvs-sync.holidays.feed-url", () -> feed.baseUrl() + "/feed/{schoolYear}?output=json");
    }

    @AfterAll
    static void stop() {
        feed.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theAutumnHoliday2023EndsOnSunday22October() throws Exception {
        feed.stubFor(get("/feed/2023-2024?output=json").willReturn(okJson("""
                {"content":[{"schoolyear":"2023-2024","vacations":[{"type":"\\n Herfstvakantie \\n","compulsorydates":"false",
                 "regions":[{"region":"midden","startdate":"2023-10-14T00:00:00.000Z","enddate":"2023-10-22T22:59:00.000Z"},
                            {"region":"zuid","startdate":"2023-10-14T00:00:00.000Z","enddate":"2023-10-22T22:59:00.000Z"},
                            {"region":"noord","startdate":"2023-10-21T00:00:00.000Z","enddate":"2023-10-29T21:59:00.000Z"}]}]}]}
                """)));

        HttpResponse<String> response = importYear("2023-2024");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> midden = jdbc.sql("SELECT name, from_date, to_date FROM imported_holiday"
                + " WHERE school_year = '2023-2024' AND region = 'MIDDEN'").query().singleRow();
        assertThat(midden.get("name")).isEqualTo("Herfstvakantie");
        assertThat(midden.get("from_date").toString()).isEqualTo("2023-10-14");
        assertThat(midden.get("to_date").toString()).as("Sunday 22 October, not Monday 23").isEqualTo("2023-10-22");
    }

    @Test
    void theArrayFormImports() throws Exception {
        feed.stubFor(get("/feed/2027-2028?output=json").willReturn(okJson("[" + RijksoverheidVakantiesTest.FEED + "]")));

        HttpResponse<String> response = importYear("2027-2028");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).hasSize(6);
        assertThat(rows("2027-2028")).hasSize(6);
    }

    @Test
    void anImplausiblePeriodIsRefusedNamingItAndChangesNothing() throws Exception {
        feed.stubFor(get("/feed/2028-2029?output=json").willReturn(okJson(
                feed("2028-2029", "Herfstvakantie", "noord", "2028-10-14", "2028-10-22"))));
        assertThat(importYear("2028-2029").statusCode()).isEqualTo(200);
        List<Map<String, Object>> before = rows("2028-2029");

        // a 12-month "herfstvakantie" would make a school year of holiday and withdraw every alert in it
        feed.stubFor(get("/feed/2028-2029?output=json").willReturn(okJson(
                feed("2028-2029", "Herfstvakantie", "noord", "2028-10-14", "2029-10-13"))));
        HttpResponse<String> refused = importYear("2028-2029");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(error(refused)).contains("Herfstvakantie noord 2028-2029").contains("longer than 3 weeks");
        assertThat(rows("2028-2029")).isEqualTo(before);
    }

    @Test
    void aMalformedDateIsRefusedAndChangesNothing() throws Exception {
        feed.stubFor(get("/feed/2029-2030?output=json").willReturn(okJson(
                feed("2029-2030", "Herfstvakantie", "zuid", "2029-10-13", "2029-10-21"))));
        assertThat(importYear("2029-2030").statusCode()).isEqualTo(200);
        List<Map<String, Object>> before = rows("2029-2030");

        feed.stubFor(get("/feed/2029-2030?output=json").willReturn(okJson(
                feed("2029-2030", "Herfstvakantie", "zuid", "13-10-2029", "2029-10-21"))));
        HttpResponse<String> refused = importYear("2029-2030");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(error(refused)).contains("startdate '13-10-2029'");
        assertThat(rows("2029-2030")).isEqualTo(before);
    }

    @Test
    void aBadUpstreamAnswerIsA502AndBadInputA400NeverA500() throws Exception {
        feed.stubFor(get("/feed/2030-2031?output=json").willReturn(aResponse().withStatus(503).withBody("maintenance")));
        HttpResponse<String> down = importYear("2030-2031");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(error(down)).contains("HTTP 503");

        feed.stubFor(get("/feed/2031-2032?output=json").willReturn(okJson("{\"content\":[{\"schoolyear\":")));
        HttpResponse<String> truncated = importYear("2031-2032");
        assertThat(truncated.statusCode()).isEqualTo(502);
        assertThat(error(truncated)).contains("not JSON");

        feed.stubFor(get("/feed/2032-2033?output=json").willReturn(okJson("{\"content\":[]}")));
        assertThat(importYear("2032-2033").statusCode()).isEqualTo(502);

        HttpResponse<String> bad = importYear("next");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad)).contains("2027-2028");
        assertThat(importYear("2030-2032").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM imported_holiday WHERE school_year >= '2030'").query(Integer.class).single()).isZero();
    }

    List<Map<String, Object>> rows(String year) {
        return jdbc.sql("SELECT region, name, from_date, to_date, imported_at FROM imported_holiday WHERE school_year = ?"
                + " ORDER BY region, name").param(year).query().listOfRows();
    }

    String error(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("error").asText();
    }

    HttpResponse<String> importYear(String year) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/holidays/import?schoolYear=" + year))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
