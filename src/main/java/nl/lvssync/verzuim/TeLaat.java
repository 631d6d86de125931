package nl.lvssync.verzuim;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Te laat (late arrival): how many minutes, where the LVS says. Magister gives no arrival time (a registration's
 * Start is midnight, or the lesson's own start), so there the minutes are unknown, never 0: such a late arrival is a
 * late arrival (R4 LATE) and a missed lesson only when the school's code table maps its code to UNEXCUSED. A
 * connector that knows the arrival time (Somtoday: the melding's end) puts it in the registration's start.
 */
public final class TeLaat {

    /** What the alert and the student view say when the LVS gives no arrival time. */
    public static final String ONBEKEND = "minuten te laat onbekend";

    private TeLaat() {
    }

    /** Minutes from the lesson's start to the arrival; empty when the LVS gives no arrival after the lesson's start. */
    public static OptionalLong minuten(Instant lesStart, Instant aankomst) {
        if (lesStart == null || aankomst == null || !aankomst.isAfter(lesStart)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Duration.between(lesStart, aankomst).toMinutes());
    }
}
