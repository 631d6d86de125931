package nl.lvssync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lvssync.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service's security and error answers over real HTTP: login throttling per user and per address (addresses from
 * X-Forwarded-For, as behind a proxy), failed logins logged without passwords, CSRF on session requests but not on
 * HTTP Basic ones, cookie flags, no session for a 401, actuator details for administrators only, and JSON problem
 * answers with a message.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityHttpTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void passwordGuessingIsThrottledPerUserAndLoggedWithoutThePassword(CapturedOutput log) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send(get("/api/alerts", "guesser", "wrong-" + i, "203.0.113.7")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = send(get("/api/alerts", "guesser", "secret", "203.0.113.7"));
        assertThat(right.statusCode()).as("the right password, after five wrong ones").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem(right).get("detail").asText()).contains("too many failed logins");
        // from another address too: it is the user name that is guessed
        assertThat(send(get("/api/alerts", "guesser", "secret", "198.51.100.4")).statusCode()).isEqualTo(429);
        // the login form says so as well
        HttpResponse<String> form = formLogin("guesser", "secret", "198.51.100.4");
        assertThat(form.headers().firstValue("Location").orElseThrow()).contains("/login?wacht=");
        assertThat(log.getOut()).contains("Login failed for user 'guesser' from 203.0.113.7")
                .contains("Login refused for user 'guesser'").doesNotContain("wrong-3");
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledThere() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send(get("/api/sync-runs", "nobody" + i, "x", "192.0.2.55")).statusCode()).isEqualTo(401);
        }
        assertThat(send(get("/api/sync-runs", "admin", "secret", "192.0.2.55")).statusCode()).isEqualTo(429);
        assertThat(send(get("/api/sync-runs", "admin", "secret", "192.0.2.56")).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionNeedsTheCsrfTokenAndBasicCredentialsDoNot() throws Exception {
        Session session = login("admin", "secret");
        assertThat(session.cookieHeader()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/sync-runs"))
                .header("Cookie", session.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"school\":\"UI04\"}")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(problem(forged).get("detail").asText()).contains("CSRF");
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/beheer/sync")).header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("school=UI04")).build());
        assertThat(page.statusCode()).isEqualTo(403);
        // with the token (as the dashboard's pages send it) the session may act; with Basic credentials no token needed
        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/sync-runs?limit=1"))
                .header("Cookie", session.cookie()).header("X-CSRF-TOKEN", session.csrf()).GET().build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(send(get("/api/sync-runs", "admin", "secret", null)).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnauthenticatedApiCallOfAnyMethodIsA401WithTheBasicChallenge() throws Exception {
        String anonymousSession = send(HttpRequest.newBuilder(uri("/login")).GET().build()).headers()
                .firstValue("Set-Cookie").orElseThrow().split(";")[0];
        for (String path : List.of("/api/sync-runs", "/api/alerts", "/api/alerts/x/acknowledge", "/api/quarantine",
                "/api/schools/UI04/evaluate", "/api/no-such-thing", "/actuator/prometheus")) {
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                for (String accept : List.of("application/json", "text/html,application/xhtml+xml,*/*;q=0.8")) {
                    for (String cookie : java.util.Arrays.asList(null, anonymousSession)) {
                        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                                .method(method, method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                                        ? HttpRequest.BodyPublishers.ofString("{\"school\":\"UI04\"}")
                                        : HttpRequest.BodyPublishers.noBody());
                        if (!method.equals("GET") && !method.equals("HEAD")) {
                            b.header("Content-Type", "application/json");
                        }
                        if (cookie != null) {
                            b.header("Cookie", cookie);
                        }
                        HttpResponse<String> r = send(b.build());
                        String what = method + " " + path + " (" + accept + (cookie == null ? "" : ", anonymous session") + ")";
                        assertThat(r.statusCode()).as(what).isEqualTo(401);
                        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(what).startsWith("Basic");
                        assertThat(r.headers().firstValue("Location")).as(what).isEmpty();
                        if (!method.equals("HEAD")) {
                            assertThat(problem(r).get("status").asInt()).as(what).isEqualTo(401);
                        }
                    }
                }
            }
        }
        // a wrong password or another scheme is no way in either
        HttpResponse<String> bearer = send(HttpRequest.newBuilder(uri("/api/sync-runs")).header("Authorization", "Bearer x")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    @Test
    void aForgedPostOnASignedInSessionIsStillRefused() throws Exception {
        Session session = login("admin", "secret");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/alerts/x/close"))
                .header("Cookie", session.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(problem(forged).get("detail").asText()).contains("CSRF");
    }

    @Test
    void roleNamesAreReadAsOperatorsWriteThem() throws Exception {
        for (String admin : List.of("prefixed-admin", "lower-admin")) {
            assertThat(send(get("/api/sync-runs", admin, "secret", null)).statusCode()).as(admin).isEqualTo(200);
            assertThat(send(get("/api/quarantine", admin, "secret", null)).statusCode()).as(admin).isEqualTo(200);
        }
        for (String coordinator : List.of("mixed-coord", "prefixed-coord")) {
            assertThat(send(get("/api/alerts?school=UI04", coordinator, "secret", null)).statusCode()).as(coordinator)
                    .isEqualTo(200);
            assertThat(send(get("/api/sync-runs", coordinator, "secret", null)).statusCode()).as(coordinator).isEqualTo(403);
            assertThat(send(get("/api/alerts?school=UI01", coordinator, "secret", null)).body()).as(coordinator)
                    .isEqualTo("[]");
        }
    }

    @Test
    void behindHttpsTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https")
                .GET().build());
        assertThat(loginPage.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void a401CreatesNoSessionAndIsAProblemWithAMessage() throws Exception {
        for (HttpResponse<String> r : List.of(send(get("/api/alerts", null, null, null)),
                send(get("/api/alerts", "admin", "not-it", "192.0.2.99")))) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("json");
            assertThat(problem(r).get("detail").asText()).isNotBlank();
        }
        // a browser asking for a page is sent to the login form instead
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/alerts")).header("Accept", "text/html").GET().build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void actuatorDetailsAndPrometheusAreForAdministratorsAndTheProbesAreOpen() throws Exception {
        JsonNode anonymous = json.readTree(send(get("/actuator/health", null, null, null)).body());
        assertThat(anonymous.has("status")).isTrue();
        assertThat(anonymous.has("components")).isFalse();
        assertThat(send(get("/actuator/health", "admin", "secret", null)).body()).contains("\"schools\"").contains("UI04");
        assertThat(send(get("/actuator/prometheus", null, null, null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/actuator/prometheus", "ui-coord", "secret", null)).statusCode()).isEqualTo(403);
        // admitted (tests switch metrics export off, so the endpoint itself may be absent: SyncApiAndHealthTest reads it)
        assertThat(send(get("/actuator/prometheus", "admin", "secret", null)).statusCode()).isNotIn(401, 403);
        assertThat(send(get("/actuator/health/liveness", null, null, null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness", null, null, null)).statusCode()).isEqualTo(200);
        assertThat(send(get("/swagger-ui/index.html", "ui-coord", "secret", null)).statusCode()).isEqualTo(403);
        assertThat(send(get("/v3/api-docs", "admin", "secret", null)).body()).contains("/api/alerts").contains("/api/sync-runs");
    }

    @Test
    void badRequestsAreProblemsThatSayWhatWasWrong() throws Exception {
        String[][] cases = {
                {"/api/alerts?status=LOST", "400", "unknown status 'LOST'"},
                {"/api/alerts?rule=R99", "400", "unknown rule 'R99'"},
                {"/api/alerts?limit=-5", "400", "limit must be at least 1"},
                {"/api/sync-runs?limit=0", "400", "limit must be at least 1"},
                {"/api/quarantine?limit=-1", "400", "limit must be at least 1"},
                {"/api/sync-runs/abc", "400", "'id' must be a whole number"},
                {"/api/schools/UI04/students/x/absences?from=2026-11-20&to=2026-11-01", "400", "is after to"},
                {"/api/schools/UI04/students/x/absences?from=yesterday", "400", "'from' must be a date"},
                {"/api/alerts/no-such-alert", "404", "no alert no-such-alert"},
                {"/api/no-such-thing", "404", "/api/no-such-thing"},
                {"/api/sync-runs/999999", "404", "no sync run 999999"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(c[0])).header("Authorization", basic("admin", "secret"))
                    .header("Accept", "text/html,application/xhtml+xml,*/*").GET().build());
            assertThat(r.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(c[0]).contains("json");
            assertThat(r.body()).as(c[0]).doesNotContain("<html");
            assertThat(problem(r).get("detail").asText()).as(c[0]).contains(c[2]);
        }
        HttpResponse<String> badJson = send(HttpRequest.newBuilder(uri("/api/sync-runs")).header("Authorization",
                basic("admin", "secret")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(problem(badJson).get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void aRequestTomcatRefusesItselfIsAProblemTooNotTomcatsHtmlPage() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /api/alerts/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"detail\"")
                    .doesNotContain("<html").doesNotContainIgnoringCase("Apache Tomcat");
        }
    }

    // --- helpers

    record Session(String cookie, String cookieHeader, String csrf) {
    }

    Session login(String user, String password) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET().build());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = csrf(page.body());
        HttpResponse<String> in = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8) + "&_csrf=" + token)).build());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("fout");
        String header = in.headers().firstValue("Set-Cookie").orElseThrow(); // a new session id after login
        String session = header.split(";")[0];
        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/beheer")).header("Cookie", session).GET().build());
        return new Session(session, header, csrf(home.body()));
    }

    HttpResponse<String> formLogin(String user, String password, String address) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET().build());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + csrf(page.body()))).build());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("(?:name=\"csrf-token\" content|name=\"_csrf\" value)=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    HttpRequest get(String path, String user, String password, String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b.build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode problem(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
