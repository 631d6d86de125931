package nl.lvssync.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The least an alert message needs: who (short name, class), which rule, how many hours, when, and the link id. */
record AlertLine(String id, String schoolId, String studentName, String studentClass, String rule,
                        String signal, LocalDate startDate, LocalDate endDate, BigDecimal hours, LocalDate deadline,
                        String status, boolean incomplete, boolean hasOpp) {

    /** From the contract's alert JSON, with the student's name already shortened. */
    static AlertLine of(Map<String, Object> alert, String studentName, String studentClass) {
        return new AlertLine(text(alert.get("id")), text(alert.get("school")), studentName, studentClass,
                text(alert.get("rule")), text(alert.get("signal")), date(alert.get("startDate")),
                date(alert.get("endDate")), decimal(alert.get("hours")), date(alert.get("deadline")),
                text(alert.get("status")), Boolean.parseBoolean(String.valueOf(alert.get("incomplete"))),
                Boolean.parseBoolean(String.valueOf(alert.get("hasOpp"))));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        String s = text(value);
        return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static BigDecimal decimal(Object value) {
        String s = text(value);
        return s == null ? null : new BigDecimal(s);
    }
}
