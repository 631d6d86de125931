package nl.lvssync.simulator;

/**
 * Faults the simulator injects, all off by default. "Every N" counts the simulator's data requests (GetData
 * and /api, not the token endpoint) across all schools; 0 switches a fault off. A malformed absence is
 * chosen by its Id, so the same records are malformed in every response.
 *
 * @param rateLimitEvery        every Nth request answers 429 with Magister's {"Message","SecondsLeft"} body
 * @param rateLimitSeconds      the SecondsLeft of that body
 * @param serverErrorEvery      every Nth request answers 500 {"Message": …}
 * @param htmlErrorEvery        every Nth request answers an HTML error page
 * @param htmlErrorStatus       the status of that page (200 or 503 are what proxies send)
 * @param unauthorizedEvery     every Nth request answers 401 as if the token had been revoked
 * @param malformedAbsenceEvery about one absence in N has Eind before Start or an unparseable Start
 * @param fixedDelayMs          every response waits this long before it is sent
 * @param tokenLifetimeSeconds  the tokens' expires_in; an expired token gets 401
 */
public record SimulatorFaults(
        int rateLimitEvery,
        int rateLimitSeconds,
        int serverErrorEvery,
        int htmlErrorEvery,
        int htmlErrorStatus,
        int unauthorizedEvery,
        int malformedAbsenceEvery,
        long fixedDelayMs,
        long tokenLifetimeSeconds) {

    public static final SimulatorFaults NONE = new SimulatorFaults(0, 1, 0, 0, 503, 0, 0, 0, 3600);

    public SimulatorFaults {
        if (rateLimitEvery < 0 || serverErrorEvery < 0 || htmlErrorEvery < 0 || unauthorizedEvery < 0
                || malformedAbsenceEvery < 0 || fixedDelayMs < 0) {
            throw new IllegalArgumentException("fault frequencies and delays cannot be negative");
        }
        if (rateLimitSeconds < 1) {
            throw new IllegalArgumentException("rate-limit-seconds must be at least 1");
        }
        if (htmlErrorStatus < 200 || htmlErrorStatus > 599) {
            throw new IllegalArgumentException("html-error-status must be an HTTP status, not " + htmlErrorStatus);
        }
        if (tokenLifetimeSeconds < 1) {
            throw new IllegalArgumentException("token-lifetime-seconds must be at least 1");
        }
    }

    public SimulatorFaults withRateLimit(int every, int seconds) {
        return new SimulatorFaults(every, seconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus, unauthorizedEvery,
                malformedAbsenceEvery, fixedDelayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withServerErrorEvery(int every) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, every, htmlErrorEvery, htmlErrorStatus,
                unauthorizedEvery, malformedAbsenceEvery, fixedDelayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withHtmlError(int every, int status) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, every, status, unauthorizedEvery,
                malformedAbsenceEvery, fixedDelayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withUnauthorizedEvery(int every) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus,
                every, malformedAbsenceEvery, fixedDelayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withMalformedAbsenceEvery(int every) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus,
                unauthorizedEvery, every, fixedDelayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withFixedDelayMs(long delayMs) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus,
                unauthorizedEvery, malformedAbsenceEvery, delayMs, tokenLifetimeSeconds);
    }

    public SimulatorFaults withTokenLifetimeSeconds(long seconds) {
        return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus,
                unauthorizedEvery, malformedAbsenceEvery, fixedDelayMs, seconds);
    }
}
