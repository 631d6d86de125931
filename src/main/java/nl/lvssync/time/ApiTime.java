package nl.lvssync.time;

import java.time.Instant;
import java.time.OffsetDateTime;

/** The API shows times in Europe/Amsterdam, with their offset. */
public final class ApiTime {

    private ApiTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atZone(ClockConfig.AMSTERDAM).toOffsetDateTime();
    }
}
