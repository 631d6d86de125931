package nl.lvssync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.lvssync.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON bodies are read as clients send them. The school in the body is one that does not exist, so the answer (404
 * naming it) proves the body was read, and no sync starts.
 */
@ServiceTest
class ApiBodiesHttpTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aBodyIsReadWithAnyCharsetWithoutAContentTypeWithUnknownFieldsAndInAnyCase() throws Exception {
        String[][] cases = {
                {"application/json", "{\"school\": \"NOPE1\"}", "NOPE1"},
                {"application/json; charset=UTF-8", "{\"school\": \"NOPE2\"}", "NOPE2"},
                {"application/json;charset=ISO-8859-1", "{\"school\": \"NOPE3\"}", "NOPE3"},
                {null, "{\"school\": \"NOPE4\"}", "NOPE4"},
                {"text/plain", "{\"school\": \"NOPE5\"}", "NOPE5"},
                {"application/x-www-form-urlencoded", "{\"school\": \"NOPE6\"}", "NOPE6"},
                {"application/json", "{\"school\": \"NOPE7\", \"reason\": \"extra\", \"nested\": {\"a\": [1]}}", "NOPE7"},
                {"application/json", "{\"School\": \"NOPE8\"}", "NOPE8"},
                {"application/json", "{\"SCHOOL\": \"NOPE9\"}", "NOPE9"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/sync-runs", c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1]).isEqualTo(404);
            assertThat(json.readTree(r.body()).get("detail").asText()).as(c[0] + " " + c[1]).contains(c[2]);
        }
    }

    @Test
    void aBadBodyIsA400ThatSaysWhatWasWrong() throws Exception {
        String[][] cases = {
                {"/api/sync-runs", "{not json", "not valid JSON", "line 1"},
                {"/api/sync-runs", "{\"school\": {\"id\": 1}}", "not valid JSON", "field 'school'"},
                {"/api/sync-runs", "[1, 2]", "not valid JSON", ""},
                {"/api/alerts/no-such-alert/close", "{\"reason\": ", "not valid JSON", ""},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0], "application/json", c[1]);
            assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
            assertThat(json.readTree(r.body()).get("detail").asText()).as(c[1]).contains(c[2]).contains(c[3])
                    .doesNotContain("java.").doesNotContain("jackson");
        }
        HttpResponse<String> xml = post("/api/sync-runs", "application/xml", "<school>NOPE</school>");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(json.readTree(xml.body()).get("detail").asText()).contains("application/xml");
    }

    @Test
    void anActionReadsItsReasonFromAnyOfTheseBodies() throws Exception {
        for (String type : new String[] {null, "application/json;charset=utf-8", "text/plain"}) {
            HttpResponse<String> r = post("/api/alerts/no-such-alert/close", type, "{\"Reason\": \"verhuisd\", \"x\": 1}");
            assertThat(r.statusCode()).as(type).isEqualTo(404);
        }
        // an empty body is no body
        assertThat(post("/api/alerts/no-such-alert/acknowledge", null, "").statusCode()).isEqualTo(404);
        assertThat(post("/api/alerts/no-such-alert/acknowledge", "application/json", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anErrorIsJsonAlsoForAClientThatAcceptsOnlyApplicationJson() throws Exception {
        for (String path : new String[] {"/api/alerts/no-such-alert", "/api/alerts?status=LOST"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(json.readTree(r.body()).get("detail").asText()).as(path).isNotBlank();
        }
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, contentType != null && contentType.contains("8859")
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
