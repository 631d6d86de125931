package nl.lvssync.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the V1/V2 schema and the contract's alert JSON, written the way the alert side will. */
final class Fixtures {

    static final String BSN = "123456782";

    private Fixtures() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void clean(JdbcClient jdbc) {
        for (String table : new String[] {"notification_outbox", "alert_history", "alert_record", "alert", "student"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("UPDATE school SET last_success_at = NULL, last_sync_at = NULL").update();
    }

    static void student(JdbcClient jdbc, Clock clock, String school, String lvsId, String roepnaam, String tussenvoegsel,
                        String achternaam, String klas, String locatie) {
        jdbc.sql("INSERT INTO student (school_id, lvs_id, roepnaam, tussenvoegsel, achternaam, klas, locatie, bsn,"
                        + " content_hash, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'h', ?, ?)")
                .params(school, lvsId, roepnaam, tussenvoegsel, achternaam, klas, locatie, BSN,
                        Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .update();
    }

    /** An alert row (V2) and the contract's JSON of it; extra keys a careless caller might add are included. */
    static Map<String, Object> alert(JdbcClient jdbc, Clock clock, String id, String school, String studentLvsId,
                                     String studentName, String klas, String rule, String signal, String start,
                                     String end, String hours, String deadline, String status) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO alert (id, school_id, student_lvs_id, rule, signal, start_date, end_date, hours, deadline,"
                        + " status, incomplete, explanation, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)")
                .params(id, school, studentLvsId == null ? "" : studentLvsId, rule, signal == null ? "" : signal,
                        Date.valueOf(start), end == null ? null : Date.valueOf(end),
                        hours == null ? null : new BigDecimal(hours), deadline == null ? null : Date.valueOf(deadline),
                        status, "ziekmelding: griep (code ZK)", Timestamp.from(now), Timestamp.from(now))
                .update();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("school", school);
        if (studentLvsId != null) {
            json.put("student", Map.of("lvsId", studentLvsId, "name", studentName, "class", klas, "bsn", BSN));
        }
        json.put("rule", rule);
        if (signal != null) {
            json.put("signal", signal);
        }
        json.put("startDate", LocalDate.parse(start));
        json.put("endDate", end == null ? null : LocalDate.parse(end));
        json.put("hours", hours == null ? null : new BigDecimal(hours));
        json.put("deadline", deadline == null ? null : LocalDate.parse(deadline));
        json.put("status", status);
        json.put("incomplete", false);
        json.put("createdAt", now.toString());
        json.put("updatedAt", now.toString());
        // not part of the contract's alert JSON: must never reach a notification
        json.put("bsn", BSN);
        json.put("explanation", "ziekmelding: griep (code ZK)");
        return json;
    }
}
