package nl.lvssync.notification;

import java.time.Duration;

/** How one send went: sent, worth another try (not before retryAfter, when known), or never going to work. */
record Delivery(Outcome outcome, String detail, Duration retryAfter) {

    enum Outcome { SENT, RETRY, PARK }

    static Delivery sent(String how) {
        return new Delivery(Outcome.SENT, how, null);
    }

    static Delivery retry(String error) {
        return new Delivery(Outcome.RETRY, error, null);
    }

    static Delivery retry(String error, Duration after) {
        return new Delivery(Outcome.RETRY, error, after);
    }

    static Delivery park(String error) {
        return new Delivery(Outcome.PARK, error, null);
    }
}
