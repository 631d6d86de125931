package nl.lvssync.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address in a sliding window; past the limit every login of that
 * name or from that address is refused for a while, the right password included, so guessing does not pay. Uses the
 * wall clock, not the service's (possibly fixed) clock: a lockout must end.
 */
final class LoginThrottle {

    /** Past this many tracked names or addresses, stale ones are dropped: a spray of names cannot fill the memory. */
    private static final int MAX_TRACKED = 10_000;

    private final SecurityProperties.LoginThrottle settings;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(SecurityProperties.LoginThrottle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this login must wait, if it is refused now. */
    Optional<Duration> refusedFor(String user, String address) {
        Instant now = clock.instant();
        Duration wait = longest(blocked(byUser.get(key(user)), now), blocked(byAddress.get(address), now));
        return Optional.ofNullable(wait);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        record(byUser, key(user), settings.maxFailuresPerUser(), now);
        if (address != null) {
            record(byAddress, address, settings.maxFailuresPerAddress(), now);
        }
    }

    /** The user's count starts again; the address's does not (one good login must not reset a guesser's address). */
    void succeeded(String user) {
        byUser.remove(key(user));
    }

    private void record(Map<String, Failures> map, String key, int max, Instant now) {
        if (map.size() > MAX_TRACKED) {
            map.values().removeIf(f -> f.idle(now, settings.window().plus(settings.lockout())));
        }
        map.computeIfAbsent(key, k -> new Failures()).add(now, max, settings.window(), settings.lockout());
    }

    private static Duration blocked(Failures f, Instant now) {
        return f == null ? null : f.blockedFor(now);
    }

    private static Duration longest(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant blockedUntil;

        synchronized void add(Instant now, int max, Duration window, Duration lockout) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= max) {
                blockedUntil = now.plus(lockout);
                times.clear();
            }
        }

        synchronized Duration blockedFor(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now) ? Duration.between(now, blockedUntil) : null;
        }

        synchronized boolean idle(Instant now, Duration forgetAfter) {
            Instant last = times.isEmpty() ? blockedUntil : times.peekLast();
            return last == null || last.plus(forgetAfter).isBefore(now);
        }
    }
}
