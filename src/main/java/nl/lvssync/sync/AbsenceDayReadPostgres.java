package nl.lvssync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.Lesdagen;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.verzuim.VerzuimRegels;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chunk's absences and the lessons the rules need on PostgreSQL, without one lesson lookup per absence: the lessons
 * of each day that may have been missed whole (decided from the absences and each lesson day's number of lessons, some
 * 2% of the days with an absence), and for each absence whether the timetable cancelled its lesson (kept on the
 * absence row by the write path) and, when the registration carries no times of its own, the lesson's times: from the
 * days read, or else looked up by key in one query for the chunk. What {@link RuleInputs#absenties} gives with its
 * join, exactly.
 */
final class AbsenceDayReadPostgres {

    // whether the timetable cancelled the absence's lesson is kept on the absence by the write path (V29)
    static final String ABSENCES = "SELECT a.student_lvs_id, a.lvs_id, a.lesson_lvs_id, a.absence_date, a.starts_at,"
            + " a.ends_at, a.lesson_starts_at, a.lesson_ends_at, a.code, a.verdict, a.timetable_cancelled"
            + " FROM absence a WHERE a.school_id = ?"
            + " AND a.student_lvs_id BETWEEN ? AND ? AND a.absence_date >= ? AND a.deleted = FALSE"
            + " AND a.lesson_cancelled = FALSE ORDER BY a.student_lvs_id, a.starts_at, a.lvs_id";

    // by key, one probe per day: the lessons of each day that may have been missed whole
    private static final String LESSONS_OF_DAYS = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at"
            + " FROM unnest(?::varchar[], ?::varchar[]::date[]) AS k(student, day) JOIN lesson l ON l.school_id = ?"
            + " AND l.student_lvs_id = k.student AND l.lesson_date = k.day AND l.cancelled = FALSE AND l.deleted = FALSE"
            + " ORDER BY l.student_lvs_id, l.starts_at, l.lvs_id";

    // by key, one probe per pair: the lesson of an absence that carries no times of its own and whose lesson was not
    // read with its day (on another day, or not read, or gone: then nothing is found)
    private static final String LESSONS_BY_KEY = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at, l.ends_at"
            + " FROM unnest(?::varchar[], ?::varchar[]) AS k(student, id) JOIN lesson l ON l.school_id = ?"
            + " AND l.student_lvs_id = k.student AND l.lvs_id = k.id AND l.cancelled = FALSE AND l.deleted = FALSE";

    record Row(String student, String lvsId, String lessonId, LocalDate date, Instant start, Instant end,
               Instant lessonStart, Instant lessonEnd, String code, String verdict, boolean cancelled) {
    }

    private final JdbcClient jdbc;

    AbsenceDayReadPostgres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fills absences and lessons (those that took place, on each day that may have been missed whole) per student of
     * the chunk; {@code lesdagen} holds each student's lesson days with their number of lessons.
     */
    void read(String school, String first, String last, LocalDate from, Map<String, Lesdagen> lesdagen,
              Map<String, List<Absentie>> absenties, Map<String, List<Les>> lessen) {
        List<Row> rows = new ArrayList<>();
        jdbc.sql(ABSENCES).params(school, first, last, from).query((ResultSet rs) -> {
            if (lesdagen.containsKey(rs.getString(1))) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        RuleInputs.time(rs, "starts_at"), RuleInputs.time(rs, "ends_at"),
                        RuleInputs.time(rs, "lesson_starts_at"), RuleInputs.time(rs, "lesson_ends_at"), rs.getString(9),
                        rs.getString(10), rs.getBoolean(11)));
            }
        });
        List<Object[]> days = mayBeMissedWhole(rows, lesdagen);
        Map<String, Map<String, Les>> byStudent = new HashMap<>();
        if (!days.isEmpty()) {
            jdbc.sql(LESSONS_OF_DAYS).params(days.stream().map(d -> d[0]).toArray(String[]::new),
                    days.stream().map(d -> d[1].toString()).toArray(String[]::new), school)
                    .query((ResultSet rs) -> {
                        Les les = lesson(rs);
                        byStudent.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(les.lvsId(), les);
                        lessen.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(les);
                    });
        }
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

    /**
     * The days whose lessons VerzuimDossier may ask for: a lesson day with as many missed lesson ids (absences of the
     * verdicts in VerzuimRegels.DAGLESSEN_NODIG) as it had lessons, or with such an absence without a lesson id; a day
     * whose number of lessons is not known (0) with any. Every such absence counts here, also one the rules leave out,
     * so these days are never fewer than the rules need.
     */
    static List<Object[]> mayBeMissedWhole(List<Row> rows, Map<String, Lesdagen> lesdagen) {
        Map<String, Map<LocalDate, Set<String>>> missed = new LinkedHashMap<>();
        for (Row r : rows) {
            if (VerzuimRegels.DAGLESSEN_NODIG.contains(Verdict.valueOf(r.verdict()))) {
                missed.computeIfAbsent(r.student(), k -> new TreeMap<>())
                        .computeIfAbsent(r.date(), k -> new HashSet<>())
                        .add(r.lessonId() == null ? "" : r.lessonId());
            }
        }
        List<Object[]> days = new ArrayList<>();
        missed.forEach((student, perDay) -> perDay.forEach((day, ids) -> {
            int lessons = lesdagen.get(student).lessen(day);
            if (lessons >= 0 && (lessons == 0 || ids.contains("") || ids.size() >= lessons)) {
                days.add(new Object[] {student, day});
            }
        }));
        return days;
    }

    private static Les lesson(ResultSet rs) throws SQLException {
        return new Les(rs.getString("lvs_id"), rs.getObject("lesson_date", LocalDate.class), RuleInputs.time(rs, "starts_at"),
                RuleInputs.time(rs, "ends_at"));
    }
}
