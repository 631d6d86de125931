package nl.lvssync.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.verzuim.TeLaat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A school's students' absence records, and a full re-evaluation of its rules. */
@RestController
public class SchoolController {

    /** Magister's Verantwoordingtype for a late arrival (te laat). */
    private static final int TE_LAAT = 2;

    private final JdbcClient jdbc;
    private final SchoolDirectory schools;
    private final AlertEvaluation evaluation;
    private final CurrentUser user;

    public SchoolController(JdbcClient jdbc, SchoolDirectory schools, AlertEvaluation evaluation, CurrentUser user) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.evaluation = evaluation;
        this.user = user;
    }

    /**
     * One absence record as kept, with the raw LVS code and our verdict; deleted ones are kept and flagged. A late
     * arrival carries its minutes late, or the note that the LVS gave none ("minuten te laat onbekend").
     */
    public record AbsenceView(String lvsId, LocalDate date, OffsetDateTime start, OffsetDateTime end, Integer lesuur,
                              String lessonLvsId, String code, String description, Integer lvsType, Boolean lvsExcused,
                              String verdict, boolean lessonCancelled, boolean deleted, OffsetDateTime deletedAt,
                              OffsetDateTime firstSeenAt, OffsetDateTime updatedAt, OffsetDateTime lessonStart,
                              OffsetDateTime lessonEnd, Long minutesLate, String note) {
    }

    @GetMapping("/api/schools/{school}/students/{lvsId}/absences")
    public List<AbsenceView> absences(@PathVariable String school, @PathVariable String lvsId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        user.requireSchool(school);
        if (schools.find(school).isEmpty() || jdbc.sql("SELECT count(*) FROM student WHERE school_id = ? AND lvs_id = ?")
                .params(school, lvsId).query(Integer.class).single() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no student " + lvsId + " at school " + school);
        }
        return jdbc.sql("SELECT a.*, COALESCE(a.lesson_starts_at, l.starts_at) AS les_start,"
                        + " COALESCE(a.lesson_ends_at, l.ends_at) AS les_eind FROM absence a LEFT JOIN lesson l"
                        + " ON l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id"
                        + " WHERE a.school_id = ? AND a.student_lvs_id = ? AND a.absence_date >= ? AND a.absence_date <= ?"
                        + " ORDER BY a.starts_at, a.lvs_id")
                .params(school, lvsId, from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> {
                    OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
                    OffsetDateTime lesStart = rs.getObject("les_start", OffsetDateTime.class);
                    String verdict = rs.getString("verdict");
                    Integer lvsType = (Integer) rs.getObject("lvs_type", Integer.class);
                    boolean late = "LATE".equals(verdict) || "LATE_EXCUSED".equals(verdict)
                            || Integer.valueOf(TE_LAAT).equals(lvsType);
                    OptionalLong minutes = late ? TeLaat.minuten(lesStart == null ? null : lesStart.toInstant(),
                            start == null ? null : start.toInstant()) : OptionalLong.empty();
                    return new AbsenceView(rs.getString("lvs_id"), rs.getObject("absence_date", LocalDate.class),
                            time(start), time(rs.getObject("ends_at", OffsetDateTime.class)),
                            (Integer) rs.getObject("lesuur", Integer.class), rs.getString("lesson_lvs_id"), rs.getString("code"),
                            rs.getString("description"), lvsType, (Boolean) rs.getObject("lvs_excused"), verdict,
                            rs.getBoolean("lesson_cancelled"), rs.getBoolean("deleted"),
                            time(rs.getObject("deleted_at", OffsetDateTime.class)),
                            time(rs.getObject("first_seen_at", OffsetDateTime.class)),
                            time(rs.getObject("updated_at", OffsetDateTime.class)), time(lesStart),
                            time(rs.getObject("les_eind", OffsetDateTime.class)),
                            minutes.isPresent() ? minutes.getAsLong() : null,
                            late && minutes.isEmpty() ? TeLaat.ONBEKEND : null);
                })
                .list();
    }

    /** Re-evaluates every student of the school (administrators): after a rules change, or to check. */
    @PostMapping("/api/schools/{school}/evaluate")
    public AlertEvaluation.Result evaluate(@PathVariable String school) {
        if (!user.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "administrators only");
        }
        if (schools.find(school).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no school " + school);
        }
        return evaluation.evaluate(school, true);
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : ApiTime.of(t.toInstant());
    }
}
