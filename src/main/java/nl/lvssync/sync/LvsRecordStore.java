package nl.lvssync.sync;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lvssync.school.CodeTable;
import nl.lvssync.verzuim.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one student's records in one transaction, changing only what differs from what we hold: a second
 * identical run writes nothing. Inside the run's window a record the LVS no longer returns is marked
 * deleted (kept, never silently dropped), and any change marks the student for rule re-evaluation.
 */
@Component
class LvsRecordStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    LvsRecordStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void write(String school, long runId, StudentData data, SyncCounts counts) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(status -> {
            Changes changes = new Changes();
            upsertStudent(school, runId, data.student(), now, changes);
            for (EnrolmentRecord e : data.enrolments()) {
                upsertEnrolment(school, data.student().lvsId(), e, now, changes);
            }
            syncLessons(school, data, now, changes);
            syncAbsences(school, data, now, changes);
            if (changes.any()) {
                jdbc.update("UPDATE student SET rules_dirty = TRUE WHERE school_id = ? AND lvs_id = ?",
                        school, data.student().lvsId());
            }
            counts.created.addAndGet(changes.created);
            counts.updated.addAndGet(changes.updated);
            counts.deleted.addAndGet(changes.deleted);
        });
        counts.studentSeen(data.student().lvsId());
        counts.lessons.addAndGet(data.lessons().size());
        counts.absences.addAndGet(data.absences().size());
    }

    /** Students missing from a complete student list have left the school: kept (retention), marked inactive. */
    int deactivateUnseen(String school, long runId) {
        return jdbc.update("UPDATE student SET active = FALSE, rules_dirty = TRUE WHERE school_id = ? AND active = TRUE"
                + " AND (last_seen_run IS NULL OR last_seen_run <> ?)", school, runId);
    }

    void markAllForEvaluation(String school) {
        jdbc.update("UPDATE student SET rules_dirty = TRUE WHERE school_id = ?", school);
    }

    void evaluated(String school, String student) {
        jdbc.update("UPDATE student SET rules_dirty = FALSE WHERE school_id = ? AND lvs_id = ?", school, student);
    }

    /** Streams the school's absences, so a region of 20,000 students is re-coded in bounded memory. */
    int rederiveVerdicts(String school, CodeTable codes) {
        List<Object[]> batch = new ArrayList<>();
        int[] changed = {0};
        jdbc.query("SELECT lvs_id, code, lvs_type, lvs_excused, verdict FROM absence WHERE school_id = ?",
                (RowCallbackHandler) rs -> {
                    Integer type = (Integer) rs.getObject("lvs_type", Integer.class);
                    Verdict verdict = codes.verdict(rs.getString("code"), type, (Boolean) rs.getObject("lvs_excused"));
                    if (!verdict.name().equals(rs.getString("verdict"))) {
                        batch.add(new Object[] {verdict.name(), school, rs.getString("lvs_id")});
                        changed[0]++;
                        if (batch.size() >= 500) {
                            flushVerdicts(batch);
                        }
                    }
                }, school);
        flushVerdicts(batch);
        return changed[0];
    }

    private void flushVerdicts(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("UPDATE absence SET verdict = ? WHERE school_id = ? AND lvs_id = ?", batch);
            batch.clear();
        }
    }

    private void upsertStudent(String school, long runId, StudentRecord s, Timestamp now, Changes changes) {
        String hash = RecordHash.of(s);
        List<Map<String, Object>> existing = jdbc.queryForList(
                "SELECT content_hash, active FROM student WHERE school_id = ? AND lvs_id = ?", school, s.lvsId());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO student (school_id, lvs_id, stamnr, roepnaam, tussenvoegsel, achternaam, birth_date,"
                            + " klas, studie, locatie, email, bsn, uitstroomprofiel, startkwalificatie, active, content_hash,"
                            + " rules_dirty, first_seen_at, updated_at, last_seen_run)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, TRUE, ?, ?, ?)",
                    school, s.lvsId(), s.stamnr(), s.roepnaam(), s.tussenvoegsel(), s.achternaam(), date(s.birthDate()),
                    s.klas(), s.studie(), s.locatie(), s.email(), s.bsn(), s.uitstroomprofiel(), s.startkwalificatie(),
                    hash, now, now, runId);
            changes.created++;
            return;
        }
        Map<String, Object> row = existing.get(0);
        if (!hash.equals(row.get("content_hash")) || !Boolean.TRUE.equals(row.get("active"))) {
            jdbc.update("UPDATE student SET stamnr = ?, roepnaam = ?, tussenvoegsel = ?, achternaam = ?, birth_date = ?,"
                            + " klas = ?, studie = ?, locatie = ?, email = ?, bsn = ?, uitstroomprofiel = ?, startkwalificatie = ?,"
                            + " active = TRUE, content_hash = ?, rules_dirty = TRUE, updated_at = ?, last_seen_run = ?"
                            + " WHERE school_id = ? AND lvs_id = ?",
                    s.stamnr(), s.roepnaam(), s.tussenvoegsel(), s.achternaam(), date(s.birthDate()), s.klas(), s.studie(),
                    s.locatie(), s.email(), s.bsn(), s.uitstroomprofiel(), s.startkwalificatie(), hash, now, runId,
                    school, s.lvsId());
            changes.updated++;
        } else {
            jdbc.update("UPDATE student SET last_seen_run = ? WHERE school_id = ? AND lvs_id = ?", runId, school, s.lvsId());
        }
    }

    private void upsertEnrolment(String school, String student, EnrolmentRecord e, Timestamp now, Changes changes) {
        String hash = RecordHash.of(e);
        List<String> existing = jdbc.queryForList("SELECT content_hash FROM enrolment WHERE school_id = ? AND lvs_id = ?",
                String.class, school, e.lvsId());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO enrolment (school_id, lvs_id, student_lvs_id, studie, groep, groep_omschrijving, lesperiode,"
                            + " mentor, begin_date, end_date, hoofd_aanmelding, profiel, profiel2, locatie, content_hash, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    school, e.lvsId(), student, cut(e.studie(), 128), cut(e.groep(), 64), cut(e.groepOmschrijving(), 200),
                    cut(e.lesperiode(), 64), cut(e.mentor(), 200), date(e.begin()), date(e.end()), e.hoofdAanmelding(),
                    cut(e.profiel(), 200), cut(e.profiel2(), 200), cut(e.locatie(), 64), hash, now);
            changes.created++;
        } else if (!hash.equals(existing.get(0))) {
            jdbc.update("UPDATE enrolment SET student_lvs_id = ?, studie = ?, groep = ?, groep_omschrijving = ?, lesperiode = ?,"
                            + " mentor = ?, begin_date = ?, end_date = ?, hoofd_aanmelding = ?, profiel = ?, profiel2 = ?, locatie = ?,"
                            + " content_hash = ?, updated_at = ? WHERE school_id = ? AND lvs_id = ?",
                    student, cut(e.studie(), 128), cut(e.groep(), 64), cut(e.groepOmschrijving(), 200), cut(e.lesperiode(), 64),
                    cut(e.mentor(), 200), date(e.begin()), date(e.end()), e.hoofdAanmelding(), cut(e.profiel(), 200),
                    cut(e.profiel2(), 200), cut(e.locatie(), 64), hash, now, school, e.lvsId());
            changes.updated++;
        }
    }

    private void syncLessons(String school, StudentData d, Timestamp now, Changes changes) {
        String student = d.student().lvsId();
        Map<String, Held> held = held("SELECT lvs_id, content_hash, deleted FROM lesson WHERE school_id = ?"
                + " AND student_lvs_id = ? AND lesson_date BETWEEN ? AND ?", school, student, d.lessonWindow());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LessonRecord l : d.lessons()) {
            seen.add(l.lvsId());
            String hash = RecordHash.of(l);
            Held h = held.get(l.lvsId());
            Object[] values = {date(l.date()), ts(l.start()), ts(l.end()), l.lesuurVan(), l.lesuurTot(), l.lvsStatus(),
                    l.cancelled(), cut(l.subject(), 200), cut(l.description(), 400), hash, now, school, student, l.lvsId()};
            if (h == null) {
                inserts.add(values);
            } else if (h.deleted || !hash.equals(h.hash)) {
                updates.add(values);
            }
        }
        String update = "UPDATE lesson SET lesson_date = ?, starts_at = ?, ends_at = ?, lesuur_van = ?, lesuur_tot = ?,"
                + " lvs_status = ?, cancelled = ?, subject = ?, description = ?, content_hash = ?, updated_at = ?, deleted = FALSE"
                + " WHERE school_id = ? AND student_lvs_id = ? AND lvs_id = ?";
        String insert = "INSERT INTO lesson (lesson_date, starts_at, ends_at, lesuur_van, lesuur_tot, lvs_status, cancelled,"
                + " subject, description, content_hash, updated_at, school_id, student_lvs_id, lvs_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        writeAll(update, insert, updates, inserts, changes);
        List<Object[]> gone = new ArrayList<>();
        held.forEach((id, h) -> {
            if (!h.deleted && !seen.contains(id)) {
                gone.add(new Object[] {now, school, student, id});
            }
        });
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("UPDATE lesson SET deleted = TRUE, updated_at = ? WHERE school_id = ? AND student_lvs_id = ?"
                    + " AND lvs_id = ?", gone);
            changes.deleted += gone.size();
        }
    }

    private void syncAbsences(String school, StudentData d, Timestamp now, Changes changes) {
        String student = d.student().lvsId();
        Map<String, Held> held = held("SELECT lvs_id, content_hash, deleted FROM absence WHERE school_id = ?"
                + " AND student_lvs_id = ? AND absence_date BETWEEN ? AND ?", school, student, d.absenceWindow());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AbsenceRecord a : d.absences()) {
            seen.add(a.lvsId());
            String hash = RecordHash.of(a);
            Held h = held.get(a.lvsId());
            Object[] values = {student, a.lessonLvsId(), date(a.date()), ts(a.start()), ts(a.end()), ts(a.lessonStart()),
                    ts(a.lessonEnd()), a.lesuur(), cut(a.code(), 32), cut(a.description(), 200), a.lvsType(), a.lvsExcused(),
                    a.verdict().name(), a.lessonCancelled(), hash, now, school, a.lvsId()};
            if (h == null) {
                inserts.add(values);
            } else if (h.deleted || !hash.equals(h.hash)) {
                updates.add(values);
            }
        }
        String update = "UPDATE absence SET student_lvs_id = ?, lesson_lvs_id = ?, absence_date = ?, starts_at = ?, ends_at = ?,"
                + " lesson_starts_at = ?, lesson_ends_at = ?, lesuur = ?, code = ?, description = ?, lvs_type = ?, lvs_excused = ?,"
                + " verdict = ?, lesson_cancelled = ?, content_hash = ?, updated_at = ?, deleted = FALSE, deleted_at = NULL"
                + " WHERE school_id = ? AND lvs_id = ?";
        String insert = "INSERT INTO absence (student_lvs_id, lesson_lvs_id, absence_date, starts_at, ends_at, lesson_starts_at,"
                + " lesson_ends_at, lesuur, code, description, lvs_type, lvs_excused, verdict, lesson_cancelled, content_hash,"
                + " updated_at, school_id, lvs_id, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> insertsWithFirstSeen = new ArrayList<>(inserts.size());
        for (Object[] v : inserts) {
            Object[] w = java.util.Arrays.copyOf(v, v.length + 1);
            w[v.length] = now;
            insertsWithFirstSeen.add(w);
        }
        writeAll(update, insert, updates, insertsWithFirstSeen, changes);
        List<Object[]> gone = new ArrayList<>();
        held.forEach((id, h) -> {
            if (!h.deleted && !seen.contains(id)) {
                gone.add(new Object[] {now, now, school, id});
            }
        });
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("UPDATE absence SET deleted = TRUE, deleted_at = ?, updated_at = ? WHERE school_id = ?"
                    + " AND lvs_id = ?", gone);
            changes.deleted += gone.size();
        }
    }

    /**
     * Updates go first; a "new" record may still exist outside the window (its date moved), so an insert
     * is tried as an update first and inserted only when no row matched.
     */
    private void writeAll(String update, String insert, List<Object[]> updates, List<Object[]> inserts, Changes changes) {
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(update, updates);
            changes.updated += updates.size();
        }
        if (inserts.isEmpty()) {
            return;
        }
        List<Object[]> asUpdates = new ArrayList<>(inserts.size());
        for (Object[] v : inserts) {
            asUpdates.add(v.length > countParams(update) ? java.util.Arrays.copyOf(v, countParams(update)) : v);
        }
        int[] matched = jdbc.batchUpdate(update, asUpdates);
        List<Object[]> reallyNew = new ArrayList<>();
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] == 0) {
                reallyNew.add(inserts.get(i));
            } else {
                changes.updated++;
            }
        }
        if (!reallyNew.isEmpty()) {
            jdbc.batchUpdate(insert, reallyNew);
            changes.created += reallyNew.size();
        }
    }

    private static int countParams(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    /** What we hold for the student inside the window; nothing when the read covered no window (nothing is deleted). */
    private Map<String, Held> held(String sql, String school, String student, SyncWindow window) {
        Map<String, Held> held = new HashMap<>();
        if (window == null) {
            return held;
        }
        jdbc.query(sql, rs -> {
            held.put(rs.getString(1), new Held(rs.getString(2), rs.getBoolean(3)));
        }, school, student, date(window.from()), date(window.to()));
        return held;
    }

    private record Held(String hash, boolean deleted) {
    }

    private static final class Changes {
        int created;
        int updated;
        int deleted;

        boolean any() {
            return created + updated + deleted > 0;
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
