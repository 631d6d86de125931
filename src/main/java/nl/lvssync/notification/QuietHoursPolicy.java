package nl.lvssync.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.lvssync.school.School.QuietHours;
import nl.lvssync.time.ClockConfig;

/** Nothing is sent from {@code from} up to {@code to} (local time); what waits goes out at {@code to}. */
final class QuietHoursPolicy {

    private QuietHoursPolicy() {
    }

    /** When the quiet period that {@code now} falls in ends; empty when now is not quiet. */
    static Optional<Instant> quietUntil(QuietHours quiet, Instant now) {
        if (quiet == null || quiet.from() == null || quiet.to() == null || quiet.from().equals(quiet.to())) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(ClockConfig.AMSTERDAM);
        LocalTime t = local.toLocalTime();
        boolean overMidnight = quiet.from().isAfter(quiet.to());
        boolean isQuiet = overMidnight
                ? !t.isBefore(quiet.from()) || t.isBefore(quiet.to())
                : !t.isBefore(quiet.from()) && t.isBefore(quiet.to());
        if (!isQuiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.toLocalDate().atTime(quiet.to()).atZone(ClockConfig.AMSTERDAM);
        return Optional.of((t.isBefore(quiet.to()) ? end : end.plusDays(1)).toInstant());
    }
}
