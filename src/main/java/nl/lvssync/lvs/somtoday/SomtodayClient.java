package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lvssync.lvs.LvsHttp;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.lvs.TransientLvsException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * HTTP access to one school's Somtoday: every call with the organisation's bearer token and
 * {@code Accept: application/json} (without it XML comes back), a new token once on a 401, retries and the circuit
 * breaker of {@link LvsHttp}, Somtoday's error body in the message, and its two ways of paging.
 */
public class SomtodayClient {

    private static final Pattern CONTENT_RANGE = Pattern.compile("items\\s+(?:(\\d+)-(\\d+)|\\*)\\s*/\\s*(\\d+|\\*)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_PAGES = 1_000_000;

    private final SomtodayEndpoints endpoints;
    private final OkHttpClient http;
    private final LvsHttp faults;
    private final ObjectMapper json;
    private final SomtodayTokens tokens;
    private final int pageSize;
    private final int studentPageSize;

    SomtodayClient(SomtodayEndpoints endpoints, OkHttpClient http, LvsHttp faults, ObjectMapper json, SomtodayTokens tokens,
                   int pageSize, int studentPageSize) {
        this.endpoints = endpoints;
        this.http = http;
        this.faults = faults;
        this.json = json;
        this.tokens = tokens;
        this.pageSize = pageSize;
        this.studentPageSize = studentPageSize;
    }

    /** Items asked per Range page (at most 100). */
    int pageSize() {
        return pageSize;
    }

    /** Students asked per Connect page (at most 200). */
    int studentPageSize() {
        return studentPageSize;
    }

    SomtodayEndpoints endpoints() {
        return endpoints;
    }

    /** One answer: the JSON body and the Content-Range header (null when there was none). */
    record Page(JsonNode body, String contentRange) {
    }

    JsonNode get(String path, Map<String, String> query) {
        return call(url(path, query), null).body();
    }

    /**
     * Offset paging (the Connect students): {@code amount} at a time, continuing after what came back, until a page
     * is empty. Returns the number of items.
     */
    int offsetPaged(String path, Map<String, String> query, String listField, int amount, Consumer<JsonNode> items) {
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl url = url(path, query).newBuilder()
                    .addQueryParameter("amount", String.valueOf(amount))
                    .addQueryParameter("offset", String.valueOf(offset)).build();
            JsonNode list = list(call(url, null).body(), listField, url);
            if (list.isEmpty()) {
                return offset;
            }
            list.forEach(items);
            offset += list.size();
        }
        throw new TransientLvsException("Somtoday " + path + " kept answering pages past " + MAX_PAGES);
    }

    /**
     * Range paging (absentiemeldingen, waarnemingen): {@code Range: items=a-b}; the next page starts at the returned
     * Content-Range end + 1 (the server may send fewer than asked) until end + 1 reaches the total; without a
     * Content-Range a page shorter than asked is the last; an empty page always is. Returns the number of items.
     */
    int rangePaged(String path, Map<String, String> query, int pageSize, Consumer<JsonNode> items) {
        HttpUrl url = url(path, query);
        long start = 0;
        int count = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Page answer = call(url, "items=" + start + "-" + (start + pageSize - 1));
            if (answer == null) {
                return count;
            }
            JsonNode list = list(answer.body(), "items", url);
            if (list.isEmpty()) {
                return count;
            }
            list.forEach(items);
            count += list.size();
            Matcher range = answer.contentRange() == null ? null : CONTENT_RANGE.matcher(answer.contentRange().strip());
            if (range != null && range.matches() && range.group(2) != null) {
                long next = Long.parseLong(range.group(2)) + 1;
                if (!"*".equals(range.group(3)) && next >= Long.parseLong(range.group(3))) {
                    return count;
                }
                // a server that answers a range we did not ask for must not keep us on one page
                start = next > start ? next : start + list.size();
            } else {
                if (list.size() < pageSize) {
                    return count;
                }
                start += list.size();
            }
        }
        throw new TransientLvsException("Somtoday " + url.encodedPath() + " kept answering pages past " + MAX_PAGES);
    }

    private static JsonNode list(JsonNode body, String field, HttpUrl url) {
        JsonNode list = Fields.get(body, field);
        if (!list.isArray()) {
            // a changed shape must never read as "no records": that would delete what we hold
            throw new TransientLvsException("Somtoday " + url.encodedPath() + " answered without a '" + field + "' list: "
                    + LvsHttp.abbreviate(body.toString()));
        }
        return list;
    }

    private HttpUrl url(String path, Map<String, String> query) {
        HttpUrl.Builder b = HttpUrl.get(stripSlash(endpoints.apiBaseUrl()) + path).newBuilder();
        query.forEach(b::addQueryParameter);
        return b.build();
    }

    /** One call with retries; null for a 416 (a range past the end). */
    private Page call(HttpUrl url, String range) {
        String what = "Somtoday GET " + url.encodedPath();
        return faults.call(what, () -> attempt(url, range, what));
    }

    private Page attempt(HttpUrl url, String range, String what) {
        for (int authAttempt = 0; ; authAttempt++) {
            String token = tokens.token(endpoints);
            Request.Builder request = new Request.Builder().url(url).get()
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (range != null) {
                request.header("Range", range);
            }
            try (Response response = http.newCall(request.build()).execute()) {
                String body = response.body().string();
                if (response.code() == 401 && authAttempt == 0) {
                    // the token expired early or was revoked: one new token, then the answer stands
                    tokens.invalidate(endpoints, token);
                    continue;
                }
                if (response.code() == 416 && range != null) {
                    return null;
                }
                if (response.code() == 429) {
                    throw new TransientLvsException(what + " rate limited (HTTP 429): " + SomtodayErrors.describe(body),
                            retryAfter(response), null);
                }
                if (!response.isSuccessful() || LvsHttp.looksLikeHtml(response, body)) {
                    RuntimeException e = LvsHttp.classify(what, response, body);
                    if (e instanceof LvsRequestException) {
                        String hint = response.code() == 401 ? " (no access to this organisation or vestiging)" : "";
                        throw new LvsRequestException(response.code(), what + " answered HTTP " + response.code() + hint
                                + ": " + SomtodayErrors.describe(body));
                    }
                    throw e;
                }
                try {
                    return new Page(json.readTree(body), response.header("Content-Range"));
                } catch (IOException e) {
                    throw new TransientLvsException(what + " answered something that is not JSON: "
                            + LvsHttp.abbreviate(body), null, e);
                }
            } catch (IOException e) {
                throw LvsHttp.transientIo(what, e);
            }
        }
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
