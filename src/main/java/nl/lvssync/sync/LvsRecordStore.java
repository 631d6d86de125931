package nl.lvssync.sync;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.lvssync.school.CodeTable;
import nl.lvssync.verzuim.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes students' records a batch of students per transaction (a student never split), changing only what differs
 * from what we hold: a second identical run writes nothing. Inside the run's window a record the LVS no longer returns
 * is marked deleted (kept, never silently dropped), and any change marks the student for rule re-evaluation. Every
 * statement reaches rows through their key, so a row costs the same in an empty table as in a region's.
 */
@Component
class LvsRecordStore {

    private static final Logger log = LoggerFactory.getLogger(LvsRecordStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Boolean postgres;

    LvsRecordStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void write(String school, long runId, StudentData data, SyncCounts counts) {
        write(school, runId, List.of(data), counts);
    }

    /**
     * Writes a batch of students (each at most once) in one transaction, in a fixed number of statements: a student's
     * records land together or not at all, and only what differs from what we hold is written and counted.
     */
    void write(String school, long runId, List<StudentData> batch, SyncCounts counts) {
        if (batch.isEmpty()) {
            return;
        }
        StagedRows rows = StagedRows.of(batch);
        tx.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            SetWiseWrites writes = new SetWiseWrites(jdbc, postgres());
            writes.prepareStaging();
            SetWiseWrites.Changes changes = new SetWiseWrites.Changes();
            Set<String> markedByUpsert = upsertStudents(school, runId, batch, now, changes);
            upsertEnrolments(school, batch, now, changes);
            writes.stage(rows);
            SetWiseWrites.Changes lessons = writes.mergeLessons(school, now);
            writes.deleteLessons(school, now, lessons);
            writes.refreshLessonDays(school, lessons);
            SetWiseWrites.Changes absences = writes.mergeAbsences(school, now);
            writes.deleteAbsences(school, now, absences);
            writes.followTimetableCancellations(school, batch.stream().map(d -> d.student().lvsId()).toList());
            for (SetWiseWrites.Changes c : List.of(lessons, absences)) {
                c.perStudent.forEach((student, n) -> changes.add(student, n[0], n[1], n[2]));
            }
            List<Object[]> dirty = new ArrayList<>();
            int[] total = new int[3];
            changes.perStudent.forEach((student, n) -> {
                for (int i = 0; i < 3; i++) {
                    total[i] += n[i];
                }
                if (n[0] + n[1] + n[2] > 0 && !markedByUpsert.contains(student)) {
                    dirty.add(new Object[] {school, student});
                }
            });
            if (!dirty.isEmpty()) {
                jdbc.batchUpdate("UPDATE student SET rules_dirty = TRUE WHERE school_id = ? AND lvs_id = ?", dirty);
            }
            counts.created.addAndGet(total[0]);
            counts.updated.addAndGet(total[1]);
            counts.deleted.addAndGet(total[2]);
        });
        for (StudentData data : batch) {
            counts.studentSeen(data.student().lvsId());
            counts.lessons.addAndGet(data.lessons().size());
            counts.absences.addAndGet(data.absences().size());
        }
    }

    boolean postgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = jdbc.execute((ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = pg;
        }
        return pg;
    }

    /**
     * After a school's first full load on PostgreSQL: the rules read each student's lesson days by an index-only scan,
     * which visits the table for every row until a VACUUM marks its pages all-visible. Autovacuum may be off or late, so
     * the load does it (a few seconds at most, outside any transaction) and keeps the planner's statistics current.
     */
    void afterFirstLoad() {
        if (postgres()) {
            try {
                jdbc.execute("VACUUM (ANALYZE) student_lesson_day");
            } catch (DataAccessException e) {
                // only slower reads follow: never a reason to fail the run that loaded the records
                log.warn("VACUUM of student_lesson_day failed: {}", e.getMessage());
            }
        }
    }

    /** Students missing from a complete student list have left the school: kept (retention), marked inactive. */
    int deactivateUnseen(String school, long runId) {
        return jdbc.update("UPDATE student SET active = FALSE, rules_dirty = TRUE WHERE school_id = ? AND active = TRUE"
                + " AND (last_seen_run IS NULL OR last_seen_run <> ?)", school, runId);
    }

    void markAllForEvaluation(String school) {
        // those marked already (every student after a first load) keep their row as it is: no new row version each
        jdbc.update("UPDATE student SET rules_dirty = TRUE WHERE school_id = ? AND rules_dirty = FALSE", school);
    }

    void evaluated(String school, String student) {
        jdbc.update("UPDATE student SET rules_dirty = FALSE WHERE school_id = ? AND lvs_id = ?", school, student);
    }

    void evaluated(String school, List<String> students) {
        if (postgres()) {
            // one statement for the chunk, not one per student
            jdbc.update("UPDATE student SET rules_dirty = FALSE WHERE school_id = ? AND lvs_id = ANY (?) AND rules_dirty",
                    school, students.toArray(String[]::new));
            return;
        }
        jdbc.batchUpdate("UPDATE student SET rules_dirty = FALSE WHERE school_id = ? AND lvs_id = ?",
                students.stream().map(s -> new Object[] {school, s}).toList());
    }

    void mark(String school, String student) {
        jdbc.update("UPDATE student SET rules_dirty = TRUE WHERE school_id = ? AND lvs_id = ?", school, student);
    }

    /**
     * Every stored verdict again from the code table: the school's absences grouped by what decides a verdict (code,
     * type, excused: a few dozen groups, read by the database alone), and one UPDATE for each group whose verdict changes.
     */
    int rederiveVerdicts(String school, CodeTable codes) {
        List<Object[]> changes = new ArrayList<>();
        jdbc.query("SELECT code, lvs_type, lvs_excused, verdict FROM absence WHERE school_id = ?"
                        + " GROUP BY code, lvs_type, lvs_excused, verdict",
                (RowCallbackHandler) rs -> {
                    String code = rs.getString("code");
                    Integer type = (Integer) rs.getObject("lvs_type", Integer.class);
                    Boolean excused = (Boolean) rs.getObject("lvs_excused");
                    Verdict verdict = codes.verdict(code, type, excused);
                    if (!verdict.name().equals(rs.getString("verdict"))) {
                        changes.add(new Object[] {verdict.name(), school, code, type, excused, rs.getString("verdict")});
                    }
                }, school);
        int changed = 0;
        for (Object[] c : changes) {
            changed += jdbc.update("UPDATE absence SET verdict = ? WHERE school_id = ? AND code IS NOT DISTINCT FROM CAST(? AS VARCHAR)"
                    + " AND lvs_type IS NOT DISTINCT FROM CAST(? AS INTEGER) AND lvs_excused IS NOT DISTINCT FROM CAST(? AS BOOLEAN)"
                    + " AND verdict = ?", c);
        }
        return changed;
    }

    /**
     * New students inserted, changed (or returning) ones updated, both marked for the rules; the others only noted as
     * seen by this run. Per row by key, so no plan can scan a school. Returns who is marked already.
     */
    private Set<String> upsertStudents(String school, long runId, List<StudentData> batch, Timestamp now,
                                       SetWiseWrites.Changes changes) {
        Map<String, Held> held = held("lvs_id, content_hash, active", "student",
                school, batch.stream().map(d -> d.student().lvsId()).toList());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        Set<String> marked = new HashSet<>();
        for (StudentData d : batch) {
            StudentRecord s = d.student();
            String hash = RecordHash.of(s);
            Held h = held.get(s.lvsId());
            Object[] values = {s.stamnr(), s.roepnaam(), s.tussenvoegsel(), s.achternaam(), date(s.birthDate()), s.klas(),
                s.studie(), s.locatie(), s.email(), s.bsn(), s.uitstroomprofiel(), s.startkwalificatie(), hash, now, runId,
                school, s.lvsId()};
            if (h == null) {
                inserts.add(values);
                changes.add(s.lvsId(), 1, 0, 0);
                marked.add(s.lvsId());
            } else if (!hash.equals(h.hash) || !h.flag) {
                updates.add(values);
                changes.add(s.lvsId(), 0, 1, 0);
                marked.add(s.lvsId());
            } else {
                seen.add(new Object[] {runId, school, s.lvsId()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO student (stamnr, roepnaam, tussenvoegsel, achternaam, birth_date, klas, studie,"
                    + " locatie, email, bsn, uitstroomprofiel, startkwalificatie, content_hash, first_seen_at, last_seen_run,"
                    + " school_id, lvs_id, updated_at, active, rules_dirty)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, TRUE)", withUpdatedAt(inserts, now));
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE student SET stamnr = ?, roepnaam = ?, tussenvoegsel = ?, achternaam = ?, birth_date = ?,"
                    + " klas = ?, studie = ?, locatie = ?, email = ?, bsn = ?, uitstroomprofiel = ?, startkwalificatie = ?,"
                    + " content_hash = ?, updated_at = ?, last_seen_run = ?, active = TRUE, rules_dirty = TRUE"
                    + " WHERE school_id = ? AND lvs_id = ?", updates);
        }
        if (!seen.isEmpty()) {
            jdbc.batchUpdate("UPDATE student SET last_seen_run = ? WHERE school_id = ? AND lvs_id = ?", seen);
        }
        return marked;
    }

    private static List<Object[]> withUpdatedAt(List<Object[]> rows, Timestamp now) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] w = Arrays.copyOf(r, r.length + 1);
            w[r.length] = now;
            out.add(w);
        }
        return out;
    }

    private void upsertEnrolments(String school, List<StudentData> batch, Timestamp now, SetWiseWrites.Changes changes) {
        Map<String, EnrolmentRecord> all = new LinkedHashMap<>();
        Map<String, String> studentOf = new HashMap<>();
        for (StudentData d : batch) {
            for (EnrolmentRecord e : d.enrolments()) {
                all.put(e.lvsId(), e);
                studentOf.put(e.lvsId(), d.student().lvsId());
            }
        }
        if (all.isEmpty()) {
            return;
        }
        Map<String, Held> held = held("lvs_id, content_hash, TRUE", "enrolment",
                school, List.copyOf(all.keySet()));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        all.forEach((id, e) -> {
            String hash = RecordHash.of(e);
            Held h = held.get(id);
            String student = studentOf.get(id);
            Object[] values = {student, cut(e.studie(), 128), cut(e.groep(), 64), cut(e.groepOmschrijving(), 200),
                cut(e.lesperiode(), 64), cut(e.mentor(), 200), date(e.begin()), date(e.end()), e.hoofdAanmelding(),
                cut(e.profiel(), 200), cut(e.profiel2(), 200), cut(e.locatie(), 64), hash, now, school, id};
            if (h == null) {
                inserts.add(values);
                changes.add(student, 1, 0, 0);
            } else if (!hash.equals(h.hash)) {
                updates.add(values);
                changes.add(student, 0, 1, 0);
            }
        });
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO enrolment (student_lvs_id, studie, groep, groep_omschrijving, lesperiode, mentor,"
                    + " begin_date, end_date, hoofd_aanmelding, profiel, profiel2, locatie, content_hash, updated_at, school_id,"
                    + " lvs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE enrolment SET student_lvs_id = ?, studie = ?, groep = ?, groep_omschrijving = ?,"
                    + " lesperiode = ?, mentor = ?, begin_date = ?, end_date = ?, hoofd_aanmelding = ?, profiel = ?, profiel2 = ?,"
                    + " locatie = ?, content_hash = ?, updated_at = ? WHERE school_id = ? AND lvs_id = ?", updates);
        }
    }

    /**
     * Hash and flag (a student's active) of the rows with these keys, in one statement. On PostgreSQL each key is
     * looked up on its own (LATERAL … LIMIT 1 is a lookup by the whole primary key, whatever the planner believes of
     * the school's size); an {@code = ANY} list or a join was planned on the school alone without statistics.
     */
    private Map<String, Held> held(String columns, String table, String school, List<String> ids) {
        Map<String, Held> held = new HashMap<>();
        String sql = postgres()
                ? "SELECT x.* FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY)) AS k(id) CROSS JOIN LATERAL (SELECT " + columns
                        + " FROM " + table + " t WHERE t.school_id = ? AND t.lvs_id = k.id LIMIT 1) x"
                : "SELECT " + columns + " FROM " + table + " WHERE lvs_id = ANY(?) AND school_id = ?";
        jdbc.query(sql, (RowCallbackHandler) rs -> held.put(rs.getString(1), new Held(rs.getString(2), rs.getBoolean(3))),
                ids.toArray(new String[0]), school);
        return held;
    }

    private record Held(String hash, boolean flag) {
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
