package nl.lvssync.lvs.csv;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Cell values as exports write them: Dutch (dd-MM-yyyy) or ISO dates, times HH:mm, ja/nee. */
@org.springframework.modulith.NamedInterface("csv")
public final class CsvValues {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DUTCH_SLASH = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    private CsvValues() {
    }

    /** @throws IllegalArgumentException naming the column and the accepted forms */
    public static LocalDate date(String column, String value) {
        if (value == null) {
            return null;
        }
        // a date with a time behind it (an Excel export of a date-time cell) gives its date
        String v = value.strip().split("[\\sT]")[0];
        for (DateTimeFormatter f : new DateTimeFormatter[] {v.indexOf('-') == 4 ? ISO : DUTCH, DUTCH_SLASH}) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw new IllegalArgumentException(column + " '" + value + "' is not a date (dd-MM-yyyy or yyyy-MM-dd)");
    }

    public static LocalTime time(String column, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replace('.', ':');
        try {
            String[] parts = v.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new DateTimeParseException("", v, 0);
            }
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a time (HH:mm)");
        }
    }

    public static Integer integer(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number");
        }
    }

    /** ja/nee, true/false (and j/n, 1/0, yes/no); empty is unknown. */
    public static Boolean bool(String column, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "ja", "j", "true", "waar", "1", "yes", "y" -> true;
            case "nee", "n", "false", "onwaar", "0", "no" -> false;
            default -> throw new IllegalArgumentException(column + " '" + value + "' is not ja/nee or true/false");
        };
    }
}
