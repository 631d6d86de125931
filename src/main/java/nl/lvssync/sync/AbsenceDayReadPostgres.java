package nl.lvssync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.verzuim.VerzuimRegels;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chunk's absences and the lessons the rules need on PostgreSQL, in range reads instead of one lesson lookup per
 * absence: the lessons of each day with an absence that may be a missed lesson (VerzuimRegels.DAGLESSEN_NODIG), read
 * whole; an absence's lesson (for its times when the registration carries none, and whether the timetable cancelled
 * it) taken from those, or else looked up by key in one query for the chunk: through the small index of cancelled
 * lessons when the absence carries the lesson's times, in the lesson table when it does not (on another date, gone).
 * What {@link RuleInputs#absenties} gives with its join, exactly.
 */
final class AbsenceDayReadPostgres {

    private static final String ABSENCES = "SELECT student_lvs_id, lvs_id, lesson_lvs_id, absence_date, starts_at, ends_at,"
            + " lesson_starts_at, lesson_ends_at, code, verdict FROM absence WHERE school_id = ?"
            + " AND student_lvs_id BETWEEN ? AND ? AND absence_date >= ? AND deleted = FALSE AND lesson_cancelled = FALSE"
            + " ORDER BY student_lvs_id, starts_at, lvs_id";

    // the days with an absence that may be a missed lesson, whose lessons the rules need whole; cancelled lessons too:
    // an absence on a lesson the timetable cancelled is no missed lesson
    private static final String LESSONS = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at, l.cancelled"
            + " FROM (SELECT DISTINCT student_lvs_id, absence_date FROM absence WHERE school_id = ?"
            + " AND student_lvs_id BETWEEN ? AND ? AND absence_date >= ? AND deleted = FALSE AND verdict IN ("
            + VerzuimRegels.DAGLESSEN_NODIG.stream().map(v -> "'" + v.name() + "'").sorted().collect(Collectors.joining(", "))
            + ")) d CROSS JOIN LATERAL"
            + " (SELECT lvs_id, lesson_date, starts_at, ends_at, cancelled, student_lvs_id FROM lesson WHERE school_id = ?"
            + " AND student_lvs_id = d.student_lvs_id AND lesson_date = d.absence_date AND deleted = FALSE) l"
            + " ORDER BY l.student_lvs_id, l.starts_at, l.lvs_id";

    // by key, one probe per pair: for lessons on another day than their absence, or gone (then nothing is found)
    private static final String LESSONS_BY_KEY = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at,"
            + " l.cancelled FROM unnest(?::varchar[], ?::varchar[]) AS k(student, id) JOIN lesson l ON l.school_id = ?"
            + " AND l.student_lvs_id = k.student AND l.lvs_id = k.id AND l.deleted = FALSE";

    // whether the timetable cancelled an absence's lesson, for absences that carry the lesson's times: a probe of the
    // partial index of cancelled lessons (V26), which finds nothing, and so reads no table page, for nearly all of them
    static final String CANCELLED_BY_KEY = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at,"
            + " l.ends_at, l.cancelled FROM unnest(?::varchar[], ?::varchar[]) AS k(student, id) JOIN lesson l"
            + " ON l.school_id = ? AND l.student_lvs_id = k.student AND l.lvs_id = k.id AND l.cancelled = TRUE"
            + " AND l.deleted = FALSE";

    private record Row(String student, String lvsId, String lessonId, LocalDate date, Instant start, Instant end,
                       Instant lessonStart, Instant lessonEnd, String code, String verdict) {
    }

    private record Lesson(Les les, boolean cancelled) {
    }

    private final JdbcClient jdbc;

    AbsenceDayReadPostgres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fills absences and lessons (those that took place, on each day with an absence) per student of the chunk. */
    void read(String school, String first, String last, LocalDate from, Set<String> students,
              Map<String, List<Absentie>> absenties, Map<String, List<Les>> lessen) {
        List<Row> rows = new ArrayList<>();
        jdbc.sql(ABSENCES).params(school, first, last, from).query((ResultSet rs) -> {
            if (students.contains(rs.getString(1))) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        RuleInputs.time(rs, "starts_at"), RuleInputs.time(rs, "ends_at"),
                        RuleInputs.time(rs, "lesson_starts_at"), RuleInputs.time(rs, "lesson_ends_at"), rs.getString(9),
                        rs.getString(10)));
            }
        });
        Map<String, Map<String, Lesson>> byStudent = new HashMap<>();
        jdbc.sql(LESSONS).params(school, first, last, from, school).query((ResultSet rs) -> {
            String student = rs.getString(1);
            if (students.contains(student)) {
                Lesson lesson = lesson(rs);
                byStudent.computeIfAbsent(student, k -> new HashMap<>()).put(lesson.les().lvsId(), lesson);
                if (!lesson.cancelled()) {
                    lessen.computeIfAbsent(student, k -> new ArrayList<>()).add(lesson.les());
                }
            }
        });
        // an absence whose lesson is not among the days read: with the lesson's times of its own, only whether the
        // timetable cancelled it is asked; without them, the lesson itself is looked up (on another day, or gone)
        List<Row> notRead = rows.stream().filter(r -> r.lessonId() != null
                && !byStudent.getOrDefault(r.student(), Map.of()).containsKey(r.lessonId())).toList();
        Map<Boolean, List<Row>> withTimes = notRead.stream()
                .collect(Collectors.partitioningBy(r -> r.lessonStart() != null && r.lessonEnd() != null));
        lookUp(CANCELLED_BY_KEY, withTimes.get(true), school, byStudent);
        lookUp(LESSONS_BY_KEY, withTimes.get(false), school, byStudent);
        for (Row r : rows) {
            Lesson lesson = r.lessonId() == null ? null : byStudent.getOrDefault(r.student(), Map.of()).get(r.lessonId());
            if (lesson != null && lesson.cancelled()) {
                continue;
            }
            Instant lesStart = r.lessonStart() != null ? r.lessonStart() : lesson == null ? null : lesson.les().start();
            Instant lesEind = r.lessonEnd() != null ? r.lessonEnd() : lesson == null ? null : lesson.les().eind();
            absenties.computeIfAbsent(r.student(), k -> new ArrayList<>()).add(new Absentie(r.lvsId(), r.lessonId(), r.date(),
                    r.start(), r.end(), lesStart, lesEind, r.code(), Verdict.valueOf(r.verdict())));
        }
    }

    private void lookUp(String sql, List<Row> absences, String school, Map<String, Map<String, Lesson>> byStudent) {
        if (absences.isEmpty()) {
            return;
        }
        jdbc.sql(sql).params(absences.stream().map(Row::student).toArray(String[]::new),
                absences.stream().map(Row::lessonId).toArray(String[]::new), school).query((ResultSet rs) -> {
                    Lesson lesson = lesson(rs);
                    byStudent.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(lesson.les().lvsId(), lesson);
                });
    }

    private static Lesson lesson(ResultSet rs) throws SQLException {
        return new Lesson(new Les(rs.getString("lvs_id"), rs.getObject("lesson_date", LocalDate.class),
                RuleInputs.time(rs, "starts_at"), RuleInputs.time(rs, "ends_at")), rs.getBoolean("cancelled"));
    }
}
