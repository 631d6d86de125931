package nl.lvssync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.School;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Leerling;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the verzuim rules read from the LVS records we keep (deleted records and cancelled lessons left out), and
 * the marks that say which students the rules must look at again. Every write goes through {@link LvsRecordStore}.
 */
@Component
public class RuleInputs {

    private final JdbcClient jdbc;
    private final LvsRecordStore store;

    RuleInputs(JdbcClient jdbc, LvsRecordStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public Optional<Leerling> leerling(String school, String lvsId) {
        return jdbc.sql("SELECT lvs_id, birth_date, uitstroomprofiel, startkwalificatie FROM student"
                        + " WHERE school_id = ? AND lvs_id = ?")
                .params(school, lvsId)
                // a praktijkonderwijs certificate is not in any LVS list we read: assume none, which keeps the duty
                .query((rs, n) -> new Leerling(rs.getString("lvs_id"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("uitstroomprofiel"), false, (Boolean) rs.getObject("startkwalificatie")))
                .optional();
    }

    public List<Les> lessen(String school, String lvsId, LocalDate from) {
        return jdbc.sql("SELECT lvs_id, lesson_date, starts_at, ends_at FROM lesson WHERE school_id = ? AND student_lvs_id = ?"
                        + " AND lesson_date >= ? AND cancelled = FALSE AND deleted = FALSE ORDER BY starts_at, lvs_id")
                .params(school, lvsId, from)
                .query((rs, n) -> new Les(rs.getString("lvs_id"), rs.getObject("lesson_date", LocalDate.class),
                        time(rs, "starts_at"), time(rs, "ends_at")))
                .list();
    }

    /**
     * Absences with the times of the lesson they belong to: from the registration's own copy of the lesson, or else
     * from the student's timetable. Absences on a lesson that was cancelled are no missed lesson.
     */
    public List<Absentie> absenties(String school, String lvsId, LocalDate from) {
        return jdbc.sql("SELECT a.lvs_id, a.lesson_lvs_id, a.absence_date, a.starts_at, a.ends_at,"
                        + " COALESCE(a.lesson_starts_at, l.starts_at) AS les_start, COALESCE(a.lesson_ends_at, l.ends_at) AS les_eind,"
                        + " a.code, a.verdict FROM absence a LEFT JOIN lesson l ON l.school_id = a.school_id"
                        + " AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id AND l.deleted = FALSE"
                        + " WHERE a.school_id = ? AND a.student_lvs_id = ? AND a.absence_date >= ? AND a.deleted = FALSE"
                        + " AND a.lesson_cancelled = FALSE AND (l.cancelled IS NULL OR l.cancelled = FALSE)"
                        + " ORDER BY a.starts_at, a.lvs_id")
                .params(school, lvsId, from)
                .query((rs, n) -> new Absentie(rs.getString("lvs_id"), rs.getString("lesson_lvs_id"),
                        rs.getObject("absence_date", LocalDate.class), time(rs, "starts_at"), time(rs, "ends_at"),
                        time(rs, "les_start"), time(rs, "les_eind"), rs.getString("code"),
                        Verdict.valueOf(rs.getString("verdict"))))
                .list();
    }

    /** The days on which the school had any lesson that took place: a week without one is not a lesweek. */
    public Set<LocalDate> geplandeLesdagen(String school, LocalDate from) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT lesson_date FROM lesson WHERE school_id = ? AND lesson_date >= ?"
                        + " AND cancelled = FALSE AND deleted = FALSE")
                .params(school, from).query(LocalDate.class).list());
    }

    /** The students whose records changed since the rules last looked at them. */
    public List<String> dirtyStudents(String school) {
        return jdbc.sql("SELECT lvs_id FROM student WHERE school_id = ? AND rules_dirty = TRUE ORDER BY lvs_id")
                .param(school).query(String.class).list();
    }

    /** Every student of the school is evaluated again on the next evaluation. */
    public void markAllForEvaluation(String school) {
        store.markAllForEvaluation(school);
    }

    /** Call inside the evaluation's transaction: a sync that writes new records meanwhile marks the student again. */
    public void evaluated(String school, String student) {
        store.evaluated(school, student);
    }

    /** The school's code table changed: every stored absence gets the verdict the table gives it now. */
    public int rederiveVerdicts(School school) {
        return store.rederiveVerdicts(school.id(), new CodeTable(school.codes()));
    }

    /** How the absences behind an alert stand now, by absence id; an absence we never held is missing. */
    public Map<String, AbsenceNow> absencesNow(String school, Collection<String> absenceIds) {
        Map<String, AbsenceNow> now = new HashMap<>();
        if (absenceIds.isEmpty()) {
            return now;
        }
        jdbc.sql("SELECT lvs_id, verdict, deleted FROM absence WHERE school_id = :school AND lvs_id IN (:ids)")
                .param("school", school).param("ids", absenceIds)
                .query((ResultSet rs) -> {
                    now.put(rs.getString("lvs_id"), new AbsenceNow(rs.getString("verdict"), rs.getBoolean("deleted")));
                });
        return now;
    }

    /** An absence's verdict now, and whether the LVS removed it. */
    public record AbsenceNow(String verdict, boolean deleted) {
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
