package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.lvs.ClientCredentials;
import nl.lvssync.sync.LvsRequestException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * OAuth2 client-credentials tokens, one per organisation (instelling) and client: re-used until shortly before
 * they expire, so schools that are vestigingen of one instelling share one token, and dropped on a 401.
 */
final class SomtodayTokens {

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
        ClientCredentials.Token token = ClientCredentials.fetch(http, json, url, "Somtoday token " + url.host()
                        + url.encodedPath() + " (organisation " + endpoints.organisation() + ")", endpoints.clientId(),
                endpoints.clientSecret(), SomtodayErrors::describe);
        held.token = token.value();
        held.validUntilNanos = token.validUntilNanos();
    }
}
