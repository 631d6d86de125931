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
 * absence: the lessons of each day that may have been missed whole, and for each absence whether the timetable
 * cancelled its lesson (a probe of the small index of cancelled lessons) and, when the registration carries no times of
 * its own, the lesson's times: from the days read, or else looked up by key in one query for the chunk. What
 * {@link RuleInputs#absenties} gives with its join, exactly.
 */
final class AbsenceDayReadPostgres {

    // whether the timetable cancelled the absence's lesson: a probe of the partial index of cancelled lessons (V26),
    // which finds nothing, and so reads no table page, for nearly every absence
    static final String ABSENCES = "SELECT a.student_lvs_id, a.lvs_id, a.lesson_lvs_id, a.absence_date, a.starts_at,"
            + " a.ends_at, a.lesson_starts_at, a.lesson_ends_at, a.code, a.verdict, EXISTS (SELECT 1 FROM lesson l"
            + " WHERE l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id"
            + " AND l.cancelled = TRUE AND l.deleted = FALSE) AS timetable_cancelled FROM absence a WHERE a.school_id = ?"
            + " AND a.student_lvs_id BETWEEN ? AND ? AND a.absence_date >= ? AND a.deleted = FALSE"
            + " AND a.lesson_cancelled = FALSE ORDER BY a.student_lvs_id, a.starts_at, a.lvs_id";

    private static final String MISSED = VerzuimRegels.DAGLESSEN_NODIG.stream().map(v -> "'" + v.name() + "'").sorted()
            .collect(Collectors.joining(", "));

    // the lessons of each day that may have been missed whole (VerzuimDossier asks no other day's): as many missed
    // lesson ids as the day had lessons (student_lesson_day.lessons; not known counts as none), or a missed
    // registration without a lesson id. Every absence of those verdicts counts here, also one the rules leave out, so
    // the days read are never fewer than the rules need.
    static final String LESSONS = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at"
            + " FROM (SELECT a.student_lvs_id, a.absence_date FROM absence a WHERE a.school_id = ?"
            + " AND a.student_lvs_id BETWEEN ? AND ? AND a.absence_date >= ? AND a.deleted = FALSE"
            + " AND a.verdict IN (" + MISSED + ") GROUP BY a.student_lvs_id, a.absence_date"
            + " HAVING BOOL_OR(a.lesson_lvs_id IS NULL) OR COUNT(DISTINCT a.lesson_lvs_id) >= COALESCE((SELECT d.lessons"
            + " FROM student_lesson_day d WHERE d.school_id = ? AND d.student_lvs_id = a.student_lvs_id"
            + " AND d.lesson_date = a.absence_date), 0)) m CROSS JOIN LATERAL"
            + " (SELECT lvs_id, lesson_date, starts_at, ends_at, student_lvs_id FROM lesson WHERE school_id = ?"
            + " AND student_lvs_id = m.student_lvs_id AND lesson_date = m.absence_date AND cancelled = FALSE"
            + " AND deleted = FALSE) l ORDER BY l.student_lvs_id, l.starts_at, l.lvs_id";

    // by key, one probe per pair: the lesson of an absence that carries no times of its own and whose lesson was not
    // read with its day (on another day, or not read, or gone: then nothing is found)
    private static final String LESSONS_BY_KEY = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at"
            + " FROM unnest(?::varchar[], ?::varchar[]) AS k(student, id) JOIN lesson l ON l.school_id = ?"
            + " AND l.student_lvs_id = k.student AND l.lvs_id = k.id AND l.cancelled = FALSE AND l.deleted = FALSE";

    private record Row(String student, String lvsId, String lessonId, LocalDate date, Instant start, Instant end,
                       Instant lessonStart, Instant lessonEnd, String code, String verdict, boolean cancelled) {
    }

    private final JdbcClient jdbc;

    AbsenceDayReadPostgres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fills absences and lessons (those that took place, on each day that may have been missed whole) per student. */
    void read(String school, String first, String last, LocalDate from, Set<String> students,
              Map<String, List<Absentie>> absenties, Map<String, List<Les>> lessen) {
        List<Row> rows = new ArrayList<>();
        jdbc.sql(ABSENCES).params(school, first, last, from).query((ResultSet rs) -> {
            if (students.contains(rs.getString(1))) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        RuleInputs.time(rs, "starts_at"), RuleInputs.time(rs, "ends_at"),
                        RuleInputs.time(rs, "lesson_starts_at"), RuleInputs.time(rs, "lesson_ends_at"), rs.getString(9),
                        rs.getString(10), rs.getBoolean(11)));
            }
        });
        Map<String, Map<String, Les>> byStudent = new HashMap<>();
        jdbc.sql(LESSONS).params(school, first, last, from, school, school).query((ResultSet rs) -> {
            String student = rs.getString(1);
            if (students.contains(student)) {
                Les les = lesson(rs);
                byStudent.computeIfAbsent(student, k -> new HashMap<>()).put(les.lvsId(), les);
                lessen.computeIfAbsent(student, k -> new ArrayList<>()).add(les);
            }
        });
        List<Row> withoutTimes = rows.stream().filter(r -> !r.cancelled() && r.lessonId() != null
                && (r.lessonStart() == null || r.lessonEnd() == null)
                && !byStudent.getOrDefault(r.student(), Map.of()).containsKey(r.lessonId())).toList();
        if (!withoutTimes.isEmpty()) {
            jdbc.sql(LESSONS_BY_KEY).params(withoutTimes.stream().map(Row::student).toArray(String[]::new),
                    withoutTimes.stream().map(Row::lessonId).toArray(String[]::new), school).query((ResultSet rs) -> {
                        Les les = lesson(rs);
                        byStudent.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(les.lvsId(), les);
                    });
        }
        for (Row r : rows) {
            if (r.cancelled()) {
                continue;
            }
            Les lesson = r.lessonId() == null ? null : byStudent.getOrDefault(r.student(), Map.of()).get(r.lessonId());
            Instant lesStart = r.lessonStart() != null ? r.lessonStart() : lesson == null ? null : lesson.start();
            Instant lesEind = r.lessonEnd() != null ? r.lessonEnd() : lesson == null ? null : lesson.eind();
            absenties.computeIfAbsent(r.student(), k -> new ArrayList<>()).add(new Absentie(r.lvsId(), r.lessonId(), r.date(),
                    r.start(), r.end(), lesStart, lesEind, r.code(), Verdict.valueOf(r.verdict())));
        }
    }

    private static Les lesson(ResultSet rs) throws SQLException {
        return new Les(rs.getString("lvs_id"), rs.getObject("lesson_date", LocalDate.class), RuleInputs.time(rs, "starts_at"),
                RuleInputs.time(rs, "ends_at"));
    }
}
