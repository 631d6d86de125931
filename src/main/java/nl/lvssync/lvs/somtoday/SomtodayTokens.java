package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.lvs.LvsHttp;
import nl.lvssync.lvs.LvsRequestException;
import nl.lvssync.lvs.TransientLvsException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth2 client-credentials tokens, one per organisation (instelling) and client: re-used until shortly before
 * they expire, so schools that are vestigingen of one instelling share one token, and dropped on a 401.
 */
final class SomtodayTokens {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Key(String tokenUrl, String organisation, String clientId) {
    }

    private static final class Held {
        String token;
        long validUntilNanos;
    }

    private final Map<Key, Held> tokens = new ConcurrentHashMap<>();
    private final OkHttpClient http;
    private final ObjectMapper json;

    SomtodayTokens(OkHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    String token(SomtodayEndpoints endpoints) {
        Held held = tokens.computeIfAbsent(key(endpoints), k -> new Held());
        synchronized (held) {
            if (held.token == null || System.nanoTime() >= held.validUntilNanos) {
                fetch(endpoints, held);
            }
            return held.token;
        }
    }

    /** Forgets the token (after a 401), unless another call already replaced it. */
    void invalidate(SomtodayEndpoints endpoints, String token) {
        Held held = tokens.get(key(endpoints));
        if (held != null) {
            synchronized (held) {
                if (token.equals(held.token)) {
                    held.token = null;
                }
            }
        }
    }

    private static Key key(SomtodayEndpoints e) {
        return new Key(e.tokenUrl(), e.organisation(), e.clientId());
    }

    private void fetch(SomtodayEndpoints endpoints, Held held) {
        if (endpoints.organisation() == null || endpoints.organisation().isBlank()) {
            throw new LvsRequestException(400, "Somtoday needs auth.organisation (the instelling UUID) to get a token");
        }
        HttpUrl url = HttpUrl.get(endpoints.tokenUrl()).newBuilder()
                .addQueryParameter("organisation", endpoints.organisation()).build();
        String what = "Somtoday token " + url.host() + url.encodedPath() + " (organisation " + endpoints.organisation() + ")";
        Request request = new Request.Builder().url(url)
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", nullToEmpty(endpoints.clientId()))
                        .add("client_secret", nullToEmpty(endpoints.clientSecret()))
                        .build())
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful() || LvsHttp.looksLikeHtml(response, body)) {
                RuntimeException e = LvsHttp.classify(what, response, body);
                if (e instanceof LvsRequestException) {
                    // bad credentials are this school's configuration fault, not a passing one
                    throw new LvsRequestException(response.code(), what + " refused our client credentials (HTTP "
                            + response.code() + "): " + SomtodayErrors.describe(body));
                }
                throw e;
            }
            JsonNode node = json.readTree(body);
            String token = Fields.text(node, "access_token");
            if (token == null) {
                throw new TransientLvsException(what + " answered without access_token: " + LvsHttp.abbreviate(body));
            }
            long expiresIn = Fields.get(node, "expires_in").asLong(3600);
            long validFor = Math.max(0, expiresIn - Math.min(MARGIN.toSeconds(), expiresIn / 2));
            held.token = token;
            held.validUntilNanos = System.nanoTime() + Duration.ofSeconds(validFor).toNanos();
        } catch (IOException e) {
            throw LvsHttp.transientIo(what, e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
