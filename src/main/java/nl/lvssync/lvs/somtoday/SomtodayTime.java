package nl.lvssync.lvs.somtoday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.lvssync.time.ClockConfig;

/** Somtoday timestamps carry local offsets ("2023-01-09T11:05:00.000+01:00"); dates are ISO. */
final class SomtodayTime {

    private SomtodayTime() {
    }

    /** @throws IllegalArgumentException naming the field when the value is no timestamp */
    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // no offset: Somtoday speaks Dutch local time
                return LocalDateTime.parse(value).atZone(ClockConfig.AMSTERDAM).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + " '" + value + "' is not a timestamp");
            }
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() > 10 ? instant(field, value).atZone(ClockConfig.AMSTERDAM).toLocalDate()
                    : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date");
        }
    }

    static LocalDate localDate(Instant instant) {
        return instant.atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }
}
