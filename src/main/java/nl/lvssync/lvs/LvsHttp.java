package nl.lvssync.lvs;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.sync.LvsUnavailableException;
import nl.lvssync.sync.SyncProperties;
import okhttp3.Response;

/**
 * The fault handling every LVS connector shares: classify a response, retry transient faults with exponential
 * backoff (or the LVS's own SecondsLeft), and guard each school's LVS with a circuit breaker.
 */
public final class LvsHttp {

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public LvsHttp(String name, SyncProperties settings, CircuitBreaker circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long maxRateLimitWait = settings.maxRateLimitWait().toMillis();
        IntervalBiFunction<Object> interval = (attempt, either) -> {
            Throwable t = either.isLeft() ? either.getLeft() : null;
            if (t instanceof TransientLvsException tle && tle.retryAfter() != null) {
                return Math.min(tle.retryAfter().toMillis(), maxRateLimitWait);
            }
            return Math.min(max, initial * (1L << Math.min(20, attempt - 1)));
        };
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalBiFunction(interval)
                .retryOnException(t -> t instanceof TransientLvsException)
                .failAfterMaxAttempts(false)
                .build());
    }

    /** Runs one LVS call with retries inside the circuit breaker; the breaker sees each attempt. */
    public <T> T call(String what, Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, call);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new LvsUnavailableException("circuit breaker for " + circuitBreaker.getName()
                    + " is open after repeated failures; " + what + " not attempted", e);
        } catch (TransientLvsException e) {
            throw new LvsUnavailableException(what + " failed after " + retry.getRetryConfig().getMaxAttempts()
                    + " attempts: " + e.getMessage(), e);
        }
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** Turns an I/O failure into a transient fault (timeouts, refused connections, resets). */
    public static TransientLvsException transientIo(String what, IOException e) {
        String kind = e instanceof InterruptedIOException ? "timed out" : "I/O error";
        return new TransientLvsException(what + " " + kind + ": " + e.getMessage(), null, e);
    }

    /** Classifies a non-2xx response, or a 2xx whose body is an HTML error page. */
    public static RuntimeException classify(String what, Response response, String body) {
        int code = response.code();
        if (code == 429 || code == 408 || code >= 500 || looksLikeHtml(response, body)) {
            return new TransientLvsException(what + " answered HTTP " + code
                    + (looksLikeHtml(response, body) ? " with an HTML error page" : "") + ": " + abbreviate(body));
        }
        return new LvsRequestException(code, what + " answered HTTP " + code + ": " + abbreviate(body));
    }

    public static boolean looksLikeHtml(Response response, String body) {
        String type = response.header("Content-Type", "");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("text/html")) {
            return true;
        }
        String start = body == null ? "" : body.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    public static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

}
