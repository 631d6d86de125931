package nl.lvssync.alert;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Leerling;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the verzuim rules need from the LVS records we keep: deleted records and cancelled lessons are left out. */
@Component
public class RuleInputs {

    private final JdbcClient jdbc;

    public RuleInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        AlertRepository.time(rs, "starts_at"), AlertRepository.time(rs, "ends_at")))
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
                        rs.getObject("absence_date", LocalDate.class), AlertRepository.time(rs, "starts_at"), AlertRepository.time(rs, "ends_at"),
                        AlertRepository.time(rs, "les_start"), AlertRepository.time(rs, "les_eind"), rs.getString("code"),
                        Verdict.valueOf(rs.getString("verdict"))))
                .list();
    }

    /** The days on which the school had any lesson that took place: a week without one is not a lesweek. */
    public Set<LocalDate> geplandeLesdagen(String school, LocalDate from) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT lesson_date FROM lesson WHERE school_id = ? AND lesson_date >= ?"
                        + " AND cancelled = FALSE AND deleted = FALSE")
                .params(school, from).query(LocalDate.class).list());
    }

    public List<String> dirtyStudents(String school) {
        return jdbc.sql("SELECT lvs_id FROM student WHERE school_id = ? AND rules_dirty = TRUE ORDER BY lvs_id")
                .param(school).query(String.class).list();
    }

}
