package nl.lvssync.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates and times as pages show them, in Dutch and in Amsterdam time (templates call it as {@code @fmt}). */
@Component("fmt")
public class Formats {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd-MM-yyyy", NL);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** "ma 16-11-2026" */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A moment as local time in Amsterdam, "16-11-2026 08:30". */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(AMSTERDAM));
    }

    public String time(OffsetDateTime at) {
        return at == null ? "" : time(at.toInstant());
    }

    public String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at.atZone(AMSTERDAM));
    }
}
