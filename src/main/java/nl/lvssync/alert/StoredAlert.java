package nl.lvssync.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the alert table. studentLvsId is "" and signal "" where they do not apply. */
public record StoredAlert(String id, String schoolId, String studentLvsId, String rule, String signal, LocalDate startDate,
                          LocalDate endDate, BigDecimal hours, LocalDate deadline, LocalDate windowFrom, LocalDate windowTo,
                          AlertStatus status, boolean incomplete, boolean statusUnknown, Boolean allLessonsMissed,
                          Integer verzuimdagen, String explanation, Instant createdAt, Instant updatedAt,
                          Instant escalatedAt) {

    public String key() {
        return key(rule, signal, startDate);
    }

    static String key(String rule, String signal, LocalDate startDate) {
        return rule + "|" + (signal == null ? "" : signal) + "|" + startDate;
    }
}
