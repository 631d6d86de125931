package nl.lvssync.lvs.magister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;
import nl.lvssync.lvs.ClientCredentials;
import nl.lvssync.lvs.LvsHttp;
import nl.lvssync.lvs.TransientLvsException;
import nl.lvssync.sync.LvsRequestException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * HTTP access to one school's Magister: OAuth2 client-credentials token (renewed before expiry and once
 * more on a 401), the Webservices GetData student list, and the per-person /api calls.
 */
public class MagisterClient {

    private final MagisterEndpoints endpoints;
    private final OkHttpClient http;
    private final LvsHttp faults;
    private final ObjectMapper json;
    private String accessToken;
    private long tokenValidUntilNanos;

    public MagisterClient(MagisterEndpoints endpoints, OkHttpClient http, LvsHttp faults, ObjectMapper json) {
        this.endpoints = endpoints;
        this.http = http;
        this.faults = faults;
        this.json = json;
    }

    /**
     * Streams the GetData student list's bytes (its encoding is the layout's) to the reader function; the body is
     * never held whole. The function runs inside the retries: a {@link TransientLvsException} from it is retried.
     */
    public <T> T readStudentList(Function<InputStream, T> reader) {
        String token = enc(endpoints.webservicesUser()) + ";" + enc(endpoints.webservicesPassword());
        HttpUrl url = HttpUrl.get(stripSlash(endpoints.webservicesUrl()) + "/doc").newBuilder()
                .addQueryParameter("Function", "GetData")
                .addQueryParameter("Library", "Data")
                .addEncodedQueryParameter("SessionToken", token)
                .addQueryParameter("Layout", endpoints.studentLayout())
                .addQueryParameter("Parameters", "")
                .addQueryParameter("Type", "CSV")
                .build();
        return faults.call("Magister GetData student list", () -> {
            Request request = new Request.Builder().url(url).get().build();
            try (Response response = http.newCall(request).execute()) {
                ResponseBody body = response.body();
                if (!response.isSuccessful()) {
                    throw LvsHttp.classify("Magister GetData", response, body.string());
                }
                return reader.apply(body.byteStream());
            } catch (IOException e) {
                throw LvsHttp.transientIo("Magister GetData", e);
            } catch (java.io.UncheckedIOException e) {
                throw LvsHttp.transientIo("Magister GetData", e.getCause());
            }
        });
    }

    public JsonNode aanmeldingen(String studentId) {
        return getApi("/api/leerlingen/" + seg(studentId) + "/aanmeldingen", b -> b.addQueryParameter("begin", "1970-01-01"));
    }

    public JsonNode afspraken(String personId, LocalDate van, LocalDate tot) {
        return getApi("/api/personen/" + seg(personId) + "/afspraken", b -> b
                .addQueryParameter("van", van.toString()).addQueryParameter("tot", tot.toString()));
    }

    public JsonNode absenties(String personId, LocalDate van, LocalDate tot) {
        return getApi("/api/personen/" + seg(personId) + "/absenties", b -> b
                .addQueryParameter("van", van.toString()).addQueryParameter("tot", tot.toString()));
    }

    /** Follows an absolute or base-relative link (a "next" link in a Links list). */
    public JsonNode follow(String href) {
        HttpUrl url = href.startsWith("http") ? HttpUrl.get(href) : HttpUrl.get(stripSlash(endpoints.apiBaseUrl()) + href);
        return faults.call("Magister " + url.encodedPath(), () -> getJson(url));
    }

    private JsonNode getApi(String path, Function<HttpUrl.Builder, HttpUrl.Builder> query) {
        HttpUrl url = query.apply(HttpUrl.get(stripSlash(endpoints.apiBaseUrl()) + path).newBuilder()).build();
        return faults.call("Magister " + path, () -> getJson(url));
    }

    private JsonNode getJson(HttpUrl url) {
        String what = "Magister " + url.encodedPath();
        for (int authAttempt = 0; ; authAttempt++) {
            Request request = new Request.Builder().url(url).get()
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .build();
            try (Response response = http.newCall(request).execute()) {
                String body = response.body().string();
                if (response.code() == 401 && authAttempt == 0) {
                    invalidateToken();
                    continue;
                }
                JsonNode rateLimit = rateLimitOf(body);
                if (rateLimit != null) {
                    long seconds = Math.max(1, MagisterFields.field(rateLimit, "SecondsLeft").asLong(1));
                    throw new TransientLvsException(what + " rate limit reached: "
                            + MagisterFields.field(rateLimit, "Message").asText(""), Duration.ofSeconds(seconds), null);
                }
                if (!response.isSuccessful() || LvsHttp.looksLikeHtml(response, body)) {
                    throw LvsHttp.classify(what, response, body);
                }
                try {
                    return json.readTree(body);
                } catch (IOException e) {
                    throw new TransientLvsException(what + " answered something that is not JSON: "
                            + LvsHttp.abbreviate(body), null, e);
                }
            } catch (IOException e) {
                throw LvsHttp.transientIo(what, e);
            }
        }
    }

    /** Magister signals a rate limit with a {"Message","SecondsLeft"} body, with 429 or even 200. */
    private JsonNode rateLimitOf(String body) {
        if (body == null || !body.toLowerCase(java.util.Locale.ROOT).contains("secondsleft")) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() && MagisterFields.present(MagisterFields.field(node, "SecondsLeft")) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private synchronized String token() {
        if (accessToken == null || System.nanoTime() >= tokenValidUntilNanos) {
            fetchToken();
        }
        return accessToken;
    }

    private synchronized void invalidateToken() {
        accessToken = null;
    }

    private void fetchToken() {
        ClientCredentials.Token token = ClientCredentials.fetch(http, json, HttpUrl.get(endpoints.tokenUrl()),
                "Magister token " + endpoints.tokenUrl(), endpoints.clientId(), endpoints.clientSecret(), LvsHttp::abbreviate);
        accessToken = token.value();
        tokenValidUntilNanos = token.validUntilNanos();
    }

    private static String enc(String s) {
        return URLEncoder.encode(nullToEmpty(s), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
