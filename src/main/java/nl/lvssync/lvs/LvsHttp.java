package nl.lvssync.lvs;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
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
 * backoff (or the LVS's own SecondsLeft), and guard each school's LVS with a circuit breaker. Each attempt also holds
 * one of the school's {@code max-concurrent-requests} places (a bulkhead) and, with {@code max-requests-per-second}
 * set, waits for its turn (a rate limiter); a retry's wait holds neither.
 */
public final class LvsHttp {

    /** A request waits this long at most for a place or a turn: far beyond any sane LVS answer. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;

    public LvsHttp(String name, SyncProperties settings, CircuitBreaker circuitBreaker) {
        this(name, settings, circuitBreaker, new LvsLimits(settings.maxConcurrentRequests(), settings.maxRequestsPerSecond(),
                settings.chunkDays()));
    }

    public LvsHttp(String name, SyncProperties settings, CircuitBreaker circuitBreaker, LvsLimits limits) {
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConcurrentRequests())
                .maxWaitDuration(MAX_WAIT)
                .build());
        this.rateLimiter = limits.maxRequestsPerSecond() > 0 ? RateLimiter.of(name, rateLimit(limits.maxRequestsPerSecond()))
                : null;
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

    /** A rate of R a second: R permits every second, or (below 1) one permit every 1/R seconds. */
    private static RateLimiterConfig rateLimit(double perSecond) {
        boolean whole = perSecond >= 1;
        return RateLimiterConfig.custom()
                .limitForPeriod(whole ? (int) Math.round(perSecond) : 1)
                .limitRefreshPeriod(whole ? Duration.ofSeconds(1) : Duration.ofMillis(Math.round(1000 / perSecond)))
                .timeoutDuration(MAX_WAIT)
                .build();
    }

    /** Runs one LVS call with retries inside the circuit breaker; the breaker sees each attempt. */
    public <T> T call(String what, Supplier<T> call) {
        Supplier<T> limited = Bulkhead.decorateSupplier(bulkhead, call);
        if (rateLimiter != null) {
            limited = RateLimiter.decorateSupplier(rateLimiter, limited);
        }
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (BulkheadFullException | RequestNotPermitted e) {
            throw new LvsUnavailableException(what + " waited more than " + MAX_WAIT.toMinutes() + " minutes for its turn"
                    + " at the LVS (max-concurrent-requests / max-requests-per-second): " + e.getMessage(), e);
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

    /** The school's requests now running (for tests and metrics). */
    public int requestsInFlight() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
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
