package nl.lvssync.lvs.magister;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Magister timestamps: UTC with seven fraction digits ("2024-01-15T07:30:00.0000000Z"). */
final class MagisterTime {

    private MagisterTime() {
    }

    /** @throws IllegalArgumentException with a readable reason when the value is missing or unparseable */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // no offset given: Magister's API speaks UTC
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + " '" + value + "' is not a timestamp");
            }
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.length() > 10 ? instant(field, v).atZone(nl.lvssync.time.ClockConfig.AMSTERDAM).toLocalDate() : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date");
        }
    }
}
