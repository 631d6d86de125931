package nl.lvssync.sync;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.School;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Leerling;
import nl.lvssync.verzuim.Lesdagen;
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
                .query((rs, n) -> leerling(rs))
                .optional();
    }

    // a praktijkonderwijs certificate is not in any LVS list we read: assume none, which keeps the duty
    private static Leerling leerling(ResultSet rs) throws SQLException {
        return new Leerling(rs.getString("lvs_id"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("uitstroomprofiel"), false, (Boolean) rs.getObject("startkwalificatie"));
    }

    private static final String LESSEN = "SELECT lvs_id, lesson_date, starts_at, ends_at FROM lesson WHERE school_id = ?"
            + " AND student_lvs_id = ? AND lesson_date >= ? AND cancelled = FALSE AND deleted = FALSE ORDER BY starts_at, lvs_id";

    private static final String ABSENTIES = "SELECT a.lvs_id, a.lesson_lvs_id, a.absence_date, a.starts_at, a.ends_at,"
            + " COALESCE(a.lesson_starts_at, l.starts_at) AS les_start, COALESCE(a.lesson_ends_at, l.ends_at) AS les_eind,"
            + " a.code, a.verdict FROM absence a LEFT JOIN lesson l ON l.school_id = a.school_id"
            + " AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id AND l.deleted = FALSE"
            + " WHERE a.school_id = ? AND a.student_lvs_id = ? AND a.absence_date >= ? AND a.deleted = FALSE"
            + " AND a.lesson_cancelled = FALSE AND (l.cancelled IS NULL OR l.cancelled = FALSE)"
            + " ORDER BY a.starts_at, a.lvs_id";

    private static Les les(ResultSet rs) throws SQLException {
        return new Les(rs.getString("lvs_id"), rs.getObject("lesson_date", LocalDate.class), time(rs, "starts_at"),
                time(rs, "ends_at"));
    }

    private static Absentie absentie(ResultSet rs) throws SQLException {
        return new Absentie(rs.getString("lvs_id"), rs.getString("lesson_lvs_id"), rs.getObject("absence_date", LocalDate.class),
                time(rs, "starts_at"), time(rs, "ends_at"), time(rs, "les_start"), time(rs, "les_eind"), rs.getString("code"),
                Verdict.valueOf(rs.getString("verdict")));
    }

    public List<Les> lessen(String school, String lvsId, LocalDate from) {
        return jdbc.sql(LESSEN).params(school, lvsId, from).query((rs, n) -> les(rs)).list();
    }

    /**
     * Absences with the times of the lesson they belong to: from the registration's own copy of the lesson, or else
     * from the student's timetable. Absences on a lesson that was cancelled are no missed lesson.
     */
    public List<Absentie> absenties(String school, String lvsId, LocalDate from) {
        return jdbc.sql(ABSENTIES).params(school, lvsId, from).query((rs, n) -> absentie(rs)).list();
    }

    /**
     * One student's records as the rules read them: the lessons of each day that may have been missed whole, every day
     * on which the student had a lesson (lesdagen, with its number of lessons), and the absences. {@code VerzuimRegels}
     * gives from these exactly what it gives from all the student's lessons.
     */
    public record StudentRecords(Leerling leerling, List<Les> lessen, Lesdagen lesdagen,
                                 List<Absentie> absenties) {
    }

    private static final String LESSEN_OP_VERZUIMDAGEN_H2 = "SELECT l.student_lvs_id, l.lvs_id, l.lesson_date, l.starts_at,"
            + " l.ends_at FROM (SELECT DISTINCT student_lvs_id, absence_date FROM absence WHERE school_id = ?"
            + " AND student_lvs_id BETWEEN ? AND ? AND absence_date >= ? AND deleted = FALSE) d JOIN lesson l"
            + " ON l.school_id = ? AND l.student_lvs_id = d.student_lvs_id AND l.lesson_date = d.absence_date"
            + " WHERE l.cancelled = FALSE AND l.deleted = FALSE ORDER BY l.student_lvs_id, l.starts_at, l.lvs_id";

    /** As {@link #forEachMarkedChunk}, handed over student by student. */
    public void forEachMarked(String school, LocalDate from, int chunk, Consumer<StudentRecords> each) {
        forEachMarkedChunk(school, from, chunk, records -> records.forEach(each));
    }

    /**
     * The students marked for the rules, a chunk of them at a time in student order: each chunk's marks cleared first
     * (a sync that writes afterwards marks its students again), then its students, absences and the lessons of the days
     * that may have been missed whole (on H2: of every day with an absence) read in a fixed handful of queries, with
     * their lesson days, and handed over as one list.
     * Memory is bounded by the chunk, never the school; the read is proportional to the absences and lesson days, not to
     * the ~1,250 lessons a student has in a year.
     */
    public void forEachMarkedChunk(String school, LocalDate from, int chunk,
                                   Consumer<List<StudentRecords>> each) {
        forEachMarkedChunk(school, from, chunk, lesdagen(school, from), each);
    }

    /** As above, with the school's lesson days already read ({@link #lesdagen(String, LocalDate)}, the same from). */
    public void forEachMarkedChunk(String school, LocalDate from, int chunk, SchoolLesdagen days,
                                   Consumer<List<StudentRecords>> each) {
        String after = "";
        while (true) {
            List<String> ids = jdbc.sql("SELECT lvs_id FROM student WHERE school_id = ? AND rules_dirty = TRUE AND lvs_id > ?"
                            + " ORDER BY lvs_id LIMIT ?")
                    .params(school, after, chunk).query(String.class).list();
            if (ids.isEmpty()) {
                return;
            }
            store.evaluated(school, ids);
            String first = ids.get(0);
            String last = ids.get(ids.size() - 1);
            Map<String, Leerling> leerlingen = new LinkedHashMap<>();
            jdbc.sql("SELECT lvs_id, birth_date, uitstroomprofiel, startkwalificatie FROM student WHERE school_id = ?"
                            + " AND lvs_id BETWEEN ? AND ? ORDER BY lvs_id")
                    .params(school, first, last)
                    .query((ResultSet rs) -> {
                        leerlingen.put(rs.getString("lvs_id"), leerling(rs));
                    });
            leerlingen.keySet().retainAll(new HashSet<>(ids));
            Map<String, List<Absentie>> absenties = new HashMap<>();
            Map<String, List<Les>> lessen = new HashMap<>();
            Map<String, Lesdagen> lesdagen = new HashMap<>();
            leerlingen.keySet().forEach(id -> lesdagen.put(id, days.of(id)));
            if (store.postgres()) {
                new AbsenceDayReadPostgres(jdbc).read(school, first, last, from, lesdagen, absenties, lessen);
            } else {
                jdbc.sql(ABSENTIES.replace("a.student_lvs_id = ?", "a.student_lvs_id BETWEEN ? AND ?")
                                .replace("ORDER BY a.starts_at", "ORDER BY a.student_lvs_id, a.starts_at")
                                .replace("SELECT a.lvs_id", "SELECT a.student_lvs_id, a.lvs_id"))
                        .params(school, first, last, from)
                        .query((ResultSet rs) -> {
                            if (leerlingen.containsKey(rs.getString("student_lvs_id"))) {
                                absenties.computeIfAbsent(rs.getString("student_lvs_id"), k -> new ArrayList<>())
                                        .add(absentie(rs));
                            }
                        });
                jdbc.sql(LESSEN_OP_VERZUIMDAGEN_H2)
                        .params(school, first, last, from, school)
                        .query((ResultSet rs) -> {
                            if (leerlingen.containsKey(rs.getString("student_lvs_id"))) {
                                lessen.computeIfAbsent(rs.getString("student_lvs_id"), k -> new ArrayList<>())
                                        .add(les(rs));
                            }
                        });
            }
            List<StudentRecords> records = new ArrayList<>(leerlingen.size());
            leerlingen.forEach((id, l) -> records.add(new StudentRecords(l, lessen.getOrDefault(id, List.of()),
                    lesdagen.get(id), absenties.getOrDefault(id, List.of()))));
            each.accept(records);
            after = last;
        }
    }

    // each student's lesson days as one row (V60, kept by the write path): 4-byte numbers in date order, each the day's
    // epoch day times 256 plus its number of lessons, the form verzuim.Lesdagen holds them in; 2,000 rows a school
    private static final String LESDAGEN_PG = "SELECT student_lvs_id, days FROM student_lesdagen WHERE school_id = ?";

    /**
     * Every student's lesson days at the school from {@code from} on, each with its number of lessons, read once for an
     * evaluation: the school's days (for its calendar) are their union, and each chunk takes its students' days from
     * here instead of asking again. Held as numbers, a few bytes a day: some 1.6 MB for a school of 2,000 students.
     */
    public SchoolLesdagen lesdagen(String school, LocalDate from) {
        Map<String, Lesdagen> perStudent = new HashMap<>();
        if (store.postgres()) {
            int first = Lesdagen.getal(from, 0);
            jdbc.sql(LESDAGEN_PG).param(school).query((ResultSet rs) -> {
                ByteBuffer days = ByteBuffer.wrap(rs.getBytes(2));
                int[] numbers = new int[days.remaining() / Integer.BYTES];
                int n = 0;
                while (days.hasRemaining()) {
                    int day = days.getInt();
                    if (day >= first) {
                        numbers[n++] = day;
                    }
                }
                if (n > 0) {
                    perStudent.put(rs.getString(1), Lesdagen.vanGetallen(Arrays.copyOf(numbers, n)));
                }
            });
        } else {
            Map<String, List<Integer>> lists = new HashMap<>();
            jdbc.sql("SELECT student_lvs_id, lesson_date, lessons FROM student_lesson_day WHERE school_id = ?"
                            + " AND lesson_date >= ?")
                    .params(school, from)
                    .query((ResultSet rs) -> {
                        lists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(Lesdagen.getal(rs.getObject(2, LocalDate.class), rs.getInt(3)));
                    });
            lists.forEach((student, days) -> perStudent.put(student,
                    Lesdagen.vanGetallen(days.stream().mapToInt(Integer::intValue).toArray())));
        }
        return new SchoolLesdagen(perStudent);
    }

    /** The school's lesson days per student, each with its number of lessons (0 when not known). */
    public static final class SchoolLesdagen {
        private final Map<String, Lesdagen> perStudent;

        SchoolLesdagen(Map<String, Lesdagen> perStudent) {
            this.perStudent = perStudent;
        }

        /** The days on which the school had any lesson that took place: a week without one is not a lesweek. */
        public Set<LocalDate> school() {
            BitSet epochDays = new BitSet();
            perStudent.values().forEach(days -> days.forEachDag(epochDays::set));
            Set<LocalDate> school = new HashSet<>();
            epochDays.stream().forEach(d -> school.add(LocalDate.ofEpochDay(d)));
            return school;
        }

        Lesdagen of(String student) {
            return perStudent.getOrDefault(student, Lesdagen.GEEN);
        }
    }

    /** An evaluation that failed: the student is looked at again next time. */
    public void markForEvaluation(String school, String student) {
        store.mark(school, student);
    }

    /** The days on which the school had any lesson that took place: a week without one is not a lesweek. */
    public Set<LocalDate> geplandeLesdagen(String school, LocalDate from) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT lesson_date FROM student_lesson_day WHERE school_id = ? AND lesson_date >= ?")
                .params(school, from).query(LocalDate.class).list());
    }

    /** Whether any student of the school is marked for the rules (PostgreSQL: a probe of the small index of marks). */
    public boolean anyMarked(String school) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM student WHERE school_id = ? AND rules_dirty = TRUE)")
                .param(school).query(Boolean.class).single());
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

    // a Timestamp, not an OffsetDateTime: the driver builds new zone rules for each OffsetDateTime it returns
    static Instant time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
