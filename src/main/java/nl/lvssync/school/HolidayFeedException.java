package nl.lvssync.school;

/**
 * The public holiday feed gave an answer we cannot use (unreachable, an HTTP error, malformed, or an implausible
 * period): the import is refused as a whole and the holiday table in force stays as it was.
 */
public class HolidayFeedException extends RuntimeException {

    public HolidayFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
