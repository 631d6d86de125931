package nl.lvssync.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import nl.lvssync.time.ClockConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves, so backoff and quiet hours are tested without sleeping. */
class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    /** Local time in Europe/Amsterdam, e.g. "2026-11-20T23:00". */
    void setLocal(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(ClockConfig.AMSTERDAM).toInstant();
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ClockConfig.AMSTERDAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    /** Replaces the service's clock in a test context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        }
    }
}
