package nl.lvssync.sync;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.time.ApiTime;
import nl.lvssync.web.CurrentUser;
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

    /** One absence record as kept, with the raw LVS code and our verdict; deleted ones are kept and flagged. */
    public record AbsenceView(String lvsId, LocalDate date, OffsetDateTime start, OffsetDateTime end, Integer lesuur,
                              String lessonLvsId, String code, String description, Integer lvsType, Boolean lvsExcused,
                              String verdict, boolean lessonCancelled, boolean deleted, OffsetDateTime deletedAt,
                              OffsetDateTime firstSeenAt, OffsetDateTime updatedAt) {
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
        return jdbc.sql("SELECT * FROM absence WHERE school_id = ? AND student_lvs_id = ? AND absence_date >= ?"
                        + " AND absence_date <= ? ORDER BY starts_at, lvs_id")
                .params(school, lvsId, from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new AbsenceView(rs.getString("lvs_id"), rs.getObject("absence_date", LocalDate.class),
                        time(rs.getObject("starts_at", OffsetDateTime.class)), time(rs.getObject("ends_at", OffsetDateTime.class)),
                        (Integer) rs.getObject("lesuur", Integer.class), rs.getString("lesson_lvs_id"), rs.getString("code"),
                        rs.getString("description"), (Integer) rs.getObject("lvs_type", Integer.class),
                        (Boolean) rs.getObject("lvs_excused"), rs.getString("verdict"), rs.getBoolean("lesson_cancelled"),
                        rs.getBoolean("deleted"), time(rs.getObject("deleted_at", OffsetDateTime.class)),
                        time(rs.getObject("first_seen_at", OffsetDateTime.class)), time(rs.getObject("updated_at", OffsetDateTime.class))))
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
