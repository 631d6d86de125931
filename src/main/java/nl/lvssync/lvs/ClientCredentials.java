package nl.lvssync.lvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import nl.lvssync.sync.LvsRequestException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OAuth2 client-credentials grant both LVS vendors use: POST the form, read {@code access_token} and
 * {@code expires_in}. A token is used until a margin before it expires; a refusal is the school's configuration
 * fault, never a passing one.
 */
public final class ClientCredentials {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    /** A bearer token and the moment (System.nanoTime) it must no longer be used. */
    public record Token(String value, long validUntilNanos) {
        public boolean usable() {
            return System.nanoTime() < validUntilNanos;
        }
    }

    private ClientCredentials() {
    }

    /**
     * @param what          how the token server is named in messages
     * @param describeError turns the server's error body into words
     */
    public static Token fetch(OkHttpClient http, ObjectMapper json, HttpUrl url, String what, String clientId,
                              String clientSecret, UnaryOperator<String> describeError) {
        Request request = new Request.Builder().url(url)
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", clientId == null ? "" : clientId)
                        .add("client_secret", clientSecret == null ? "" : clientSecret)
                        .build())
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful() || LvsHttp.looksLikeHtml(response, body)) {
                RuntimeException e = LvsHttp.classify(what, response, body);
                if (e instanceof LvsRequestException) {
                    throw new LvsRequestException(response.code(), what + " refused our client credentials (HTTP "
                            + response.code() + "): " + describeError.apply(body));
                }
                throw e;
            }
            JsonNode node = json.readTree(body);
            String token = node.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new TransientLvsException(what + " answered without access_token: " + LvsHttp.abbreviate(body));
            }
            long expiresIn = node.path("expires_in").asLong(3600);
            long validFor = Math.max(0, expiresIn - Math.min(MARGIN.toSeconds(), expiresIn / 2));
            return new Token(token, System.nanoTime() + Duration.ofSeconds(validFor).toNanos());
        } catch (IOException e) {
            throw LvsHttp.transientIo(what, e);
        }
    }
}
