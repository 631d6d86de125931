package nl.lvssync.sync;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The lessons and absences of a batch of students, written in a fixed number of statements whatever the batch's size:
 * loaded into session-local staging tables, merged on the record's key, and what a delivery's window held and the
 * delivery lacks marked deleted, each reporting per student what it really changed.
 *
 * <p>PostgreSQL: {@code COPY} into the staging tables and {@code INSERT … ON CONFLICT … DO UPDATE … WHERE} the content
 * hash differs, whose conflict check always goes through the key (no plan to choose, so no statistics to need), with
 * {@code RETURNING} telling created from updated. H2 (the embedded default): batched inserts, {@code MERGE … USING}
 * and a count of what will change before it.
 */
final class SetWiseWrites {

    static final String LESSON_COLUMNS = "student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, lesuur_van, lesuur_tot,"
            + " lvs_status, cancelled, subject, description, content_hash";
    static final String ABSENCE_COLUMNS = "lvs_id, student_lvs_id, lesson_lvs_id, absence_date, starts_at, ends_at,"
            + " lesson_starts_at, lesson_ends_at, lesuur, code, description, lvs_type, lvs_excused, verdict, lesson_cancelled,"
            + " content_hash";
    static final String WINDOW_COLUMNS = "kind, student_lvs_id, from_date, to_date";

    // keyed, so "held but not delivered" is a lookup per held row, not a scan of the batch
    private static final String[] STAGING = {
        "stage_lesson (student_lvs_id VARCHAR(64), lvs_id VARCHAR(64), lesson_date DATE, starts_at TIMESTAMP WITH TIME ZONE,"
                + " ends_at TIMESTAMP WITH TIME ZONE, lesuur_van INTEGER, lesuur_tot INTEGER, lvs_status INTEGER,"
                + " cancelled BOOLEAN, subject VARCHAR(200), description VARCHAR(400), content_hash VARCHAR(64),"
                + " PRIMARY KEY (student_lvs_id, lvs_id))",
        "stage_absence (lvs_id VARCHAR(64), student_lvs_id VARCHAR(64), lesson_lvs_id VARCHAR(64), absence_date DATE,"
                + " starts_at TIMESTAMP WITH TIME ZONE, ends_at TIMESTAMP WITH TIME ZONE,"
                + " lesson_starts_at TIMESTAMP WITH TIME ZONE, lesson_ends_at TIMESTAMP WITH TIME ZONE, lesuur INTEGER,"
                + " code VARCHAR(32), description VARCHAR(200), lvs_type INTEGER, lvs_excused BOOLEAN, verdict VARCHAR(16),"
                + " lesson_cancelled BOOLEAN, content_hash VARCHAR(64), PRIMARY KEY (lvs_id))",
        "stage_window (kind CHAR(1), student_lvs_id VARCHAR(64), from_date DATE, to_date DATE)",
        "stage_lesson_day (student_lvs_id VARCHAR(64), lesson_date DATE, PRIMARY KEY (student_lvs_id, lesson_date))"};

    /** Per student: created, updated, deleted. */
    static final class Changes {
        final Map<String, int[]> perStudent = new HashMap<>();
        /** (student, lesson date) of each day whose lessons changed: lessons only. */
        final List<Object[]> days = new ArrayList<>();

        void add(String student, int created, int updated, int deleted) {
            int[] c = perStudent.computeIfAbsent(student, s -> new int[3]);
            c[0] += created;
            c[1] += updated;
            c[2] += deleted;
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    SetWiseWrites(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Call first in the transaction: H2 commits on DDL unless the table is TRANSACTIONAL. */
    void prepareStaging() {
        for (String table : STAGING) {
            jdbc.execute(postgres
                    ? "CREATE TEMPORARY TABLE IF NOT EXISTS " + table + " ON COMMIT DELETE ROWS"
                    : "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + table + " ON COMMIT DELETE ROWS TRANSACTIONAL");
        }
    }

    void stage(StagedRows rows) {
        List<Object[]> lessons = new ArrayList<>(rows.lessons().size());
        for (StagedRows.Lesson s : rows.lessons()) {
            LessonRecord l = s.record();
            lessons.add(new Object[] {s.student(), l.lvsId(), l.date(), l.start(), l.end(), l.lesuurVan(), l.lesuurTot(),
                l.lvsStatus(), l.cancelled(), cut(l.subject(), 200), cut(l.description(), 400), s.hash()});
        }
        List<Object[]> absences = new ArrayList<>(rows.absences().size());
        for (StagedRows.Absence s : rows.absences()) {
            AbsenceRecord a = s.record();
            absences.add(new Object[] {a.lvsId(), s.student(), a.lessonLvsId(), a.date(), a.start(), a.end(), a.lessonStart(),
                a.lessonEnd(), a.lesuur(), cut(a.code(), 32), cut(a.description(), 200), a.lvsType(), a.lvsExcused(),
                a.verdict().name(), a.lessonCancelled(), s.hash()});
        }
        List<Object[]> windows = new ArrayList<>(rows.windows().size());
        for (StagedRows.Window w : rows.windows()) {
            windows.add(new Object[] {String.valueOf(w.kind()), w.student(), w.from(), w.to()});
        }
        load("stage_lesson", LESSON_COLUMNS, lessons);
        load("stage_absence", ABSENCE_COLUMNS, absences);
        load("stage_window", WINDOW_COLUMNS, windows);
    }

    private void load(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            StringBuilder text = new StringBuilder(rows.size() * 160);
            for (Object[] row : rows) {
                CopyText.row(text, row);
            }
            jdbc.execute((ConnectionCallback<Long>) con -> {
                try {
                    return con.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
                } catch (IOException e) {
                    throw new SQLException("COPY into " + table + " failed", e);
                }
            });
        } else {
            String marks = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
            List<Object[]> jdbcRows = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                Object[] r = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    r[i] = jdbcValue(row[i]);
                }
                jdbcRows.add(r);
            }
            jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", jdbcRows);
        }
    }

    Changes mergeLessons(String school, Timestamp now) {
        Changes changes = new Changes();
        String updated = LESSON_COLUMNS.replace("student_lvs_id, lvs_id, ", "");
        if (postgres) {
            // each staged lesson looked up once by key, in the statement's own snapshot: only new and changed ones go on
            // to the insert (a night without changes inserts nothing, so its conflict checks are not made twice), and a
            // lesson moved to another date leaves its old day to recompute
            jdbc.query("WITH held AS (SELECT s.*, o.old_date, o.changed FROM stage_lesson s LEFT JOIN LATERAL"
                            + " (SELECT t.lesson_date AS old_date, t.content_hash <> s.content_hash OR t.deleted AS changed"
                            + " FROM lesson t WHERE t.school_id = ? AND t.student_lvs_id = s.student_lvs_id AND t.lvs_id = s.lvs_id"
                            + " LIMIT 1) o ON TRUE),"
                            + " moved AS (SELECT student_lvs_id, old_date AS lesson_date FROM held WHERE old_date <> lesson_date),"
                            + " m AS (INSERT INTO lesson AS t (school_id, " + LESSON_COLUMNS + ", updated_at, deleted)"
                            + " SELECT ?, " + LESSON_COLUMNS + ", ?, FALSE FROM held WHERE old_date IS NULL OR changed"
                            + " ON CONFLICT (school_id, student_lvs_id, lvs_id) DO UPDATE SET "
                            + set(updated, "EXCLUDED") + ", updated_at = EXCLUDED.updated_at, deleted = FALSE"
                            + (updated.contains("lesson_lvs_id") ? ", deleted_at = NULL" : "")
                            + " WHERE t.content_hash <> EXCLUDED.content_hash OR t.deleted"
                            + " RETURNING t.student_lvs_id, t.lesson_date, t.xmax = 0 AS created)"
                            + " SELECT student_lvs_id, lesson_date, COUNT(*) FILTER (WHERE created), COUNT(*) FILTER (WHERE NOT created)"
                            + " FROM m GROUP BY student_lvs_id, lesson_date"
                            + " UNION ALL SELECT student_lvs_id, lesson_date, 0, 0 FROM moved",
                    countedDays(changes, false), school, school, now);
        } else {
            jdbc.query("SELECT s.student_lvs_id, s.lesson_date, SUM(CASE WHEN t.lvs_id IS NULL THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN t.lvs_id IS NOT NULL AND (t.content_hash <> s.content_hash OR t.deleted) THEN 1 ELSE 0 END)"
                            + " FROM stage_lesson s LEFT JOIN lesson t ON t.school_id = ? AND t.student_lvs_id = s.student_lvs_id"
                            + " AND t.lvs_id = s.lvs_id GROUP BY s.student_lvs_id, s.lesson_date"
                            + " HAVING SUM(CASE WHEN t.lvs_id IS NULL OR t.content_hash <> s.content_hash OR t.deleted THEN 1 ELSE 0 END) > 0",
                    countedDays(changes, false), school);
            jdbc.query("SELECT s.student_lvs_id, t.lesson_date, 0, 0 FROM stage_lesson s JOIN lesson t ON t.school_id = ?"
                            + " AND t.student_lvs_id = s.student_lvs_id AND t.lvs_id = s.lvs_id WHERE t.lesson_date <> s.lesson_date",
                    countedDays(changes, false), school);
            jdbc.update("MERGE INTO lesson t USING stage_lesson s ON t.school_id = ? AND t.student_lvs_id = s.student_lvs_id"
                            + " AND t.lvs_id = s.lvs_id WHEN MATCHED AND (t.content_hash <> s.content_hash OR t.deleted) THEN UPDATE SET "
                            + set(updated, "s") + ", updated_at = ?, deleted = FALSE WHEN NOT MATCHED THEN INSERT (school_id, " + LESSON_COLUMNS + ", updated_at, deleted)"
                            + " VALUES (?, " + prefixed(LESSON_COLUMNS) + ", ?, FALSE)",
                    school, now, school, now);
        }
        return changes;
    }

    Changes mergeAbsences(String school, Timestamp now) {
        Changes changes = new Changes();
        String updated = ABSENCE_COLUMNS.replace("lvs_id, student_lvs_id", "student_lvs_id");
        if (postgres) {
            // the lessons are merged already (same transaction): a new or changed absence takes its lesson's state now
            jdbc.query("WITH m AS (INSERT INTO absence AS t (school_id, " + ABSENCE_COLUMNS + ", updated_at, first_seen_at, deleted,"
                            + " timetable_cancelled) SELECT ?, " + ABSENCE_COLUMNS + ", ?, ?, FALSE, "
                            + timetableCancelled("stage_absence") + " FROM stage_absence"
                            + " ON CONFLICT (school_id, lvs_id) DO UPDATE SET "
                            + set(updated, "EXCLUDED") + ", updated_at = EXCLUDED.updated_at, deleted = FALSE,"
                            + " timetable_cancelled = EXCLUDED.timetable_cancelled"
                            + (updated.contains("lesson_lvs_id") ? ", deleted_at = NULL" : "")
                            + " WHERE t.content_hash <> EXCLUDED.content_hash OR t.deleted"
                            + " RETURNING t.student_lvs_id, t.xmax = 0 AS created)"
                            + " SELECT student_lvs_id, COUNT(*) FILTER (WHERE created), COUNT(*) FILTER (WHERE NOT created)"
                            + " FROM m GROUP BY student_lvs_id",
                    counted(changes, false), school, now, now, school);
        } else {
            jdbc.query("SELECT s.student_lvs_id, SUM(CASE WHEN t.lvs_id IS NULL THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN t.lvs_id IS NOT NULL AND (t.content_hash <> s.content_hash OR t.deleted) THEN 1 ELSE 0 END)"
                            + " FROM stage_absence s LEFT JOIN absence t ON t.school_id = ? AND t.lvs_id = s.lvs_id"
                            + " GROUP BY s.student_lvs_id",
                    counted(changes, false), school);
            jdbc.update("MERGE INTO absence t USING stage_absence s ON t.school_id = ? AND t.lvs_id = s.lvs_id"
                            + " WHEN MATCHED AND (t.content_hash <> s.content_hash OR t.deleted) THEN UPDATE SET " + set(updated, "s")
                            + ", updated_at = ?, deleted = FALSE, deleted_at = NULL WHEN NOT MATCHED THEN INSERT (school_id, " + ABSENCE_COLUMNS + ", updated_at, first_seen_at, deleted)"
                            + " VALUES (?, " + prefixed(ABSENCE_COLUMNS) + ", ?, ?, FALSE)",
                    school, now, school, now, now);
        }
        return changes;
    }

    /** Lessons held inside a delivery's lesson window that the delivery lacks: marked deleted, counted per student. */
    void deleteLessons(String school, Timestamp now, Changes changes) {
        String missing = "t.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM stage_lesson s"
                + " WHERE s.student_lvs_id = t.student_lvs_id AND s.lvs_id = t.lvs_id)";
        if (postgres) {
            jdbc.query("WITH d AS (UPDATE lesson t SET deleted = TRUE, updated_at = ? FROM stage_window w WHERE w.kind = 'L'"
                            + " AND t.school_id = ? AND t.student_lvs_id = w.student_lvs_id"
                            + " AND t.lesson_date BETWEEN w.from_date AND w.to_date AND " + missing
                            + " RETURNING t.student_lvs_id, t.lesson_date) SELECT student_lvs_id, lesson_date, COUNT(*) FROM d"
                            + " GROUP BY student_lvs_id, lesson_date",
                    countedDays(changes, true), now, school);
        } else {
            jdbc.query("SELECT student_lvs_id, lesson_date, COUNT(*) FROM FINAL TABLE (UPDATE lesson t SET deleted = TRUE, updated_at = ?"
                            + " WHERE t.school_id = ? AND t.student_lvs_id IN (SELECT student_lvs_id FROM stage_window WHERE kind = 'L')"
                            + " AND EXISTS (SELECT 1 FROM stage_window w WHERE w.kind = 'L' AND w.student_lvs_id = t.student_lvs_id"
                            + " AND t.lesson_date BETWEEN w.from_date AND w.to_date) AND " + missing
                            + ") GROUP BY student_lvs_id, lesson_date",
                    countedDays(changes, true), now, school);
        }
    }

    /** Absences held inside a delivery's absence window that the batch lacks: marked deleted, counted per student. */
    void deleteAbsences(String school, Timestamp now, Changes changes) {
        String missing = "t.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM stage_absence s WHERE s.lvs_id = t.lvs_id)";
        if (postgres) {
            jdbc.query("WITH d AS (UPDATE absence t SET deleted = TRUE, deleted_at = ?, updated_at = ? FROM stage_window w"
                            + " WHERE w.kind = 'A' AND t.school_id = ? AND t.student_lvs_id = w.student_lvs_id"
                            + " AND t.absence_date BETWEEN w.from_date AND w.to_date AND " + missing
                            + " RETURNING t.student_lvs_id) SELECT student_lvs_id, COUNT(*) FROM d GROUP BY student_lvs_id",
                    counted(changes, true), now, now, school);
        } else {
            jdbc.query("SELECT student_lvs_id, COUNT(*) FROM FINAL TABLE (UPDATE absence t SET deleted = TRUE, deleted_at = ?,"
                            + " updated_at = ? WHERE t.school_id = ?"
                            + " AND t.student_lvs_id IN (SELECT student_lvs_id FROM stage_window WHERE kind = 'A')"
                            + " AND EXISTS (SELECT 1 FROM stage_window w WHERE w.kind = 'A' AND w.student_lvs_id = t.student_lvs_id"
                            + " AND t.absence_date BETWEEN w.from_date AND w.to_date) AND " + missing
                            + ") GROUP BY student_lvs_id",
                    counted(changes, true), now, now, school);
        }
    }

    /**
     * Whether the timetable holds the lesson of {@code absence} as cancelled: a probe of the cancelled lessons by key, per
     * row. A scalar subquery with LIMIT, not EXISTS, which the planner may turn into a hash of the school's cancelled
     * lessons.
     */
    private static String timetableCancelled(String absence) {
        return "COALESCE((SELECT TRUE FROM lesson l WHERE l.school_id = ? AND l.student_lvs_id = " + absence + ".student_lvs_id"
                + " AND l.lvs_id = " + absence + ".lesson_lvs_id AND l.cancelled = TRUE AND l.deleted = FALSE LIMIT 1), FALSE)";
    }

    /**
     * {@code absence.timetable_cancelled} follows the batch's lessons, also for an absence the batch did not deliver (one
     * outside its window, or on a lesson of another day): absences on a lesson the batch delivers as cancelled are
     * marked, and the marked absences of the batch's students whose lesson is no longer cancelled (or gone) are cleared.
     * Call after both merges and deletes. H2 recomputes every absence of the batch's students: simpler, and small there.
     */
    void followTimetableCancellations(String school, List<String> batchStudents) {
        if (postgres) {
            // found through their keys (LATERAL per staged row; OFFSET 0 keeps the planner from making it a join that may
            // hash a whole school), then changed by key
            List<Object[]> marked = new ArrayList<>();
            jdbc.query("SELECT a.lvs_id FROM stage_lesson s CROSS JOIN LATERAL (SELECT b.lvs_id FROM absence b"
                            + " WHERE b.school_id = ? AND b.student_lvs_id = s.student_lvs_id AND b.lesson_lvs_id = s.lvs_id"
                            + " AND b.timetable_cancelled = FALSE OFFSET 0) a WHERE s.cancelled = TRUE",
                    (RowCallbackHandler) rs -> marked.add(new Object[] {true, school, rs.getString(1)}), school);
            // the batch's students as a parameter: collecting them from the staged lessons would read every staged row
            jdbc.query("SELECT a.lvs_id FROM unnest(?::varchar[]) AS s(student_lvs_id) CROSS JOIN LATERAL (SELECT b.lvs_id,"
                            + " b.student_lvs_id, b.lesson_lvs_id FROM absence b WHERE b.school_id = ?"
                            + " AND b.student_lvs_id = s.student_lvs_id AND b.timetable_cancelled = TRUE OFFSET 0) a"
                            + " WHERE NOT " + timetableCancelled("a"),
                    (RowCallbackHandler) rs -> marked.add(new Object[] {false, school, rs.getString(1)}),
                    batchStudents.toArray(String[]::new), school, school);
            if (!marked.isEmpty()) {
                jdbc.batchUpdate("UPDATE absence SET timetable_cancelled = ? WHERE school_id = ? AND lvs_id = ?", marked);
            }
        } else {
            jdbc.update("UPDATE absence a SET timetable_cancelled = " + timetableCancelled("a") + " WHERE a.school_id = ?"
                    + " AND a.student_lvs_id IN (SELECT student_lvs_id FROM stage_lesson UNION SELECT student_lvs_id"
                    + " FROM stage_window UNION SELECT student_lvs_id FROM stage_absence)", school, school);
        }
    }

    /** As {@link #counted}, per student and lesson date; each day reported is a day whose lessons changed. */
    private static RowCallbackHandler countedDays(Changes changes, boolean deletes) {
        return rs -> {
            String student = rs.getString(1);
            int created = deletes ? 0 : rs.getInt(3);
            int updatedOrDeleted = rs.getInt(deletes ? 3 : 4);
            if (deletes) {
                changes.add(student, 0, 0, updatedOrDeleted);
            } else {
                changes.add(student, created, updatedOrDeleted, 0);
            }
            changes.days.add(new Object[] {student, rs.getObject(2, LocalDate.class)});
        };
    }

    /**
     * The student's lesson days ({@code student_lesson_day}, with their number of lessons) recomputed from the lesson
     * table for exactly the days whose lessons this batch changed (created, changed, moved away, or deleted), in the
     * batch's transaction: the summary is a function of the lessons, so it cannot drift from them.
     */
    void refreshLessonDays(String school, Changes lessons) {
        Set<String> seen = new HashSet<>();
        List<Object[]> days = new ArrayList<>();
        for (Object[] day : lessons.days) {
            if (seen.add(day[0] + "|" + day[1])) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        load("stage_lesson_day", "student_lvs_id, lesson_date", days);
        if (postgres) {
            // each day counted through its key (LATERAL per day): a hash join over the school is never a choice
            List<Object[]> gone = new ArrayList<>();
            jdbc.query("WITH probe AS (SELECT s.student_lvs_id, s.lesson_date, x.n FROM stage_lesson_day s"
                            + " CROSS JOIN LATERAL (SELECT COUNT(*) AS n FROM lesson l WHERE l.school_id = ?"
                            + " AND l.student_lvs_id = s.student_lvs_id AND l.lesson_date = s.lesson_date AND l.cancelled = FALSE"
                            + " AND l.deleted = FALSE) x),"
                            + " added AS (INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date, lessons)"
                            + " SELECT ?, student_lvs_id, lesson_date, n FROM probe WHERE n > 0"
                            + " ON CONFLICT (school_id, student_lvs_id, lesson_date) DO UPDATE SET lessons = EXCLUDED.lessons"
                            + " WHERE student_lesson_day.lessons IS DISTINCT FROM EXCLUDED.lessons)"
                            + " SELECT student_lvs_id, lesson_date FROM probe WHERE n = 0",
                    (RowCallbackHandler) rs -> gone.add(new Object[] {school, rs.getString(1), rs.getDate(2)}),
                    school, school);
            if (!gone.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM student_lesson_day WHERE school_id = ? AND student_lvs_id = ? AND lesson_date = ?",
                        gone);
            }
            refreshLesdagen(school, days.stream().map(d -> (String) d[0]).distinct().toArray(String[]::new));
        } else {
            jdbc.update("DELETE FROM student_lesson_day d WHERE d.school_id = ? AND EXISTS (SELECT 1 FROM stage_lesson_day s"
                    + " WHERE s.student_lvs_id = d.student_lvs_id AND s.lesson_date = d.lesson_date)", school);
            jdbc.update("INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date, lessons)"
                    + " SELECT ?, c.student_lvs_id, c.lesson_date, c.n FROM (SELECT s.student_lvs_id, s.lesson_date,"
                    + " (SELECT COUNT(*) FROM lesson l WHERE l.school_id = ? AND l.student_lvs_id = s.student_lvs_id"
                    + " AND l.lesson_date = s.lesson_date AND l.cancelled = FALSE AND l.deleted = FALSE) AS n"
                    + " FROM stage_lesson_day s) c WHERE c.n > 0", school, school);
        }
    }

    // each student's days in one row (V60), rebuilt from its student_lesson_day rows through their key; an unchanged
    // row is not rewritten, so a night that changes no lesson day writes none
    static final String REFRESH_LESDAGEN = "INSERT INTO student_lesdagen (school_id, student_lvs_id, days)"
            + " SELECT ?, k.student, (SELECT COALESCE(string_agg(int4send((d.lesson_date - DATE '1970-01-01') * 256"
            + " + LEAST(COALESCE(d.lessons, 0), 255)), ''::bytea ORDER BY d.lesson_date), ''::bytea)"
            + " FROM student_lesson_day d WHERE d.school_id = ? AND d.student_lvs_id = k.student)"
            + " FROM unnest(?::varchar[]) AS k(student)"
            + " ON CONFLICT (school_id, student_lvs_id) DO UPDATE SET days = EXCLUDED.days"
            + " WHERE student_lesdagen.days IS DISTINCT FROM EXCLUDED.days";

    /** PostgreSQL: the one-row form of these students' lesson days, after their student_lesson_day rows changed. */
    private void refreshLesdagen(String school, String[] students) {
        jdbc.update(REFRESH_LESDAGEN, school, school, students);
    }

    private static RowCallbackHandler counted(Changes changes, boolean deletes) {
        return rs -> {
            if (deletes) {
                changes.add(rs.getString(1), 0, 0, rs.getInt(2));
            } else {
                changes.add(rs.getString(1), rs.getInt(2), rs.getInt(3), 0);
            }
        };
    }

    private static String set(String columns, String from) {
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(", ")) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = ").append(from).append('.').append(c);
        }
        return set.toString();
    }

    private static String prefixed(String columns) {
        return "s." + columns.replace(", ", ", s.");
    }

    static Object jdbcValue(Object v) {
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof Instant i) {
            return Timestamp.from(i);
        }
        return v;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
