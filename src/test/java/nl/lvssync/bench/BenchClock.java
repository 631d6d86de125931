package nl.lvssync.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A ticking clock that starts at a chosen moment and can be moved on (to the next school day) between phases. */
final class BenchClock extends Clock {

    private final ZoneId zone;
    private final long startNanos = System.nanoTime();
    private volatile Instant origin;

    BenchClock(Instant start, ZoneId zone) {
        this.origin = start;
        this.zone = zone;
    }

    void advance(Duration by) {
        origin = origin.plus(by);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - startNanos);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        BenchClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return self.withZone(zone);
            }
        };
    }
}
