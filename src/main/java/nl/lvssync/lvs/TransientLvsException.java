package nl.lvssync.lvs;

import java.time.Duration;

/** A fault worth retrying: 5xx, 408, 429/rate limit, an HTML error page, a timeout or a broken connection. */
public class TransientLvsException extends RuntimeException {
    private final Duration retryAfter;

    public TransientLvsException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientLvsException(String message) {
        this(message, null, null);
    }

    /** How long the LVS asked us to wait (SecondsLeft), or null to use our own backoff. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
