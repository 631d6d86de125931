package nl.lvssync.alert;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.opp.OppBewaking;
import nl.lvssync.sync.RuleInputs;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.sync.Students;
import nl.lvssync.time.ApiTime;
import nl.lvssync.verzuim.Bijdrage;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert tables: alerts, the absence records behind each, and every change as history. Students' names and the
 * absences' verdicts now come from the sync module, which keeps those records.
 */
@Repository
class AlertRepository {

    /** O4: the absence alerts (R1, R2, R4, R5) that show the student's OPP arrangement and coach. */
    static final Set<String> WITH_OPP = Set.of("LEGAL_16H", "LRV", "SIGNAL", "MAZL");

    /** Ids in one IN list: well under any driver's parameter limit. */
    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Students students;
    private final RuleInputs records;
    private final OppBewaking opp;

    AlertRepository(JdbcClient jdbc, JdbcTemplate batch, Students students, RuleInputs records, OppBewaking opp) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.students = students;
        this.records = records;
        this.opp = opp;
    }

    public List<StoredAlert> forStudent(String school, String student, Collection<String> rules, LocalDate from) {
        return jdbc.sql("SELECT * FROM alert WHERE school_id = :school AND student_lvs_id = :student"
                        + " AND rule IN (:rules) AND start_date >= :from ORDER BY start_date, rule, signal")
                .param("school", school).param("student", student).param("rules", rules).param("from", from)
                .query((rs, n) -> stored(rs)).list();
    }

    /** The alerts of these students (a chunk of the rules pass) from a day on: one query. */
    public List<StoredAlert> forStudents(String school, Collection<String> studentIds, Collection<String> rules, LocalDate from) {
        List<StoredAlert> found = new ArrayList<>();
        for (List<String> part : parts(studentIds)) {
            found.addAll(jdbc.sql("SELECT * FROM alert WHERE school_id = :school AND student_lvs_id IN (:students)"
                            + " AND rule IN (:rules) AND start_date >= :from ORDER BY student_lvs_id, start_date, rule, signal")
                    .param("school", school).param("students", part).param("rules", rules).param("from", from)
                    .query((rs, n) -> stored(rs)).list());
        }
        return found;
    }

    /** The records behind these alerts as the rules compare them (absence, verdict then, hours), by alert id. */
    public Map<String, List<RecordKey>> recordKeys(Collection<String> alertIds) {
        Map<String, List<RecordKey>> found = new HashMap<>();
        for (List<String> part : parts(alertIds)) {
            jdbc.sql("SELECT alert_id, absence_lvs_id, verdict, hours FROM alert_record WHERE alert_id IN (:ids)")
                    .param("ids", part)
                    .query((ResultSet rs) -> {
                        found.computeIfAbsent(rs.getString("alert_id"), k -> new ArrayList<>()).add(new RecordKey(
                                rs.getString("absence_lvs_id"), rs.getString("verdict"), rs.getBigDecimal("hours")));
                    });
        }
        return found;
    }

    private static List<List<String>> parts(Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }

    /** The students of a school that have any alert of these rules, whatever its date or status: one query per evaluation. */
    public Set<String> studentsWithAlerts(String school, Collection<String> rules) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT student_lvs_id FROM alert WHERE school_id = :school"
                        + " AND rule IN (:rules)")
                .param("school", school).param("rules", rules).query(String.class).list());
    }

    public Optional<StoredAlert> find(String id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = ?").param(id).query((rs, n) -> stored(rs)).optional();
    }

    public List<StoredAlert> live(String school, String rule) {
        return jdbc.sql("SELECT * FROM alert WHERE school_id = ? AND rule = ? AND status IN ('OPEN','ACKNOWLEDGED','REPORTED')")
                .params(school, rule).query((rs, n) -> stored(rs)).list();
    }

    public void insert(StoredAlert a) {
        insertAll(List.of(a));
    }

    /** Many new alerts in one batch. */
    public void insertAll(List<StoredAlert> all) {
        if (all.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO alert (id, school_id, student_lvs_id, rule, signal, start_date, end_date, hours, deadline,"
                        + " window_from, window_to, status, incomplete, status_unknown, all_lessons_missed, verzuimdagen,"
                        + " explanation, created_at, updated_at, escalated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                all.stream().map(a -> new Object[] {a.id(), a.schoolId(), a.studentLvsId(), a.rule(), a.signal(), a.startDate(),
                        a.endDate(), a.hours(), a.deadline(), a.windowFrom(), a.windowTo(), a.status().name(), a.incomplete(),
                        a.statusUnknown(), a.allLessonsMissed(), a.verzuimdagen(), truncate(a.explanation(), 4000),
                        ts(a.createdAt()), ts(a.updatedAt()), ts(a.escalatedAt())}).toList());
    }

    /** {@link #update} of many alerts in one batch. */
    public void updateAll(List<StoredAlert> all) {
        if (all.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE alert SET end_date = ?, hours = ?, deadline = ?, window_from = ?, window_to = ?, status = ?,"
                        + " incomplete = ?, status_unknown = ?, all_lessons_missed = ?, verzuimdagen = ?, explanation = ?,"
                        + " updated_at = ?, escalated_at = ? WHERE id = ?",
                all.stream().map(a -> new Object[] {a.endDate(), a.hours(), a.deadline(), a.windowFrom(), a.windowTo(),
                        a.status().name(), a.incomplete(), a.statusUnknown(), a.allLessonsMissed(), a.verzuimdagen(),
                        truncate(a.explanation(), 4000), ts(a.updatedAt()), ts(a.escalatedAt()), a.id()}).toList());
    }

    /** Rewrites everything the rules decide, keeping id, key and creation time. */
    public void update(StoredAlert a) {
        updateAll(List.of(a));
    }

    /** Changes the status only if it is still the expected one: two people acting at once cannot both win. */
    public boolean changeStatus(String id, AlertStatus from, AlertStatus to, Instant at) {
        return jdbc.sql("UPDATE alert SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), ts(at), id, from.name()).update() == 1;
    }

    /** Marks alerts escalated, each only if nobody did meanwhile, in one batch. @return those it marked */
    public List<StoredAlert> markEscalated(List<StoredAlert> due, Instant at) {
        if (due.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate("UPDATE alert SET escalated_at = ?, updated_at = ? WHERE id = ? AND escalated_at IS NULL",
                due.stream().map(a -> new Object[] {ts(at), ts(at), a.id()}).toList());
        List<StoredAlert> marked = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (counts[i] == 1) {
                marked.add(due.get(i));
            }
        }
        return marked;
    }

    /** @param school null for every school */
    public List<StoredAlert> overdue(LocalDate today, String school) {
        // OPP_DUE never escalates: when its deadline passes, the OPP rules raise OPP_OVERDUE in its place
        return jdbc.sql("SELECT * FROM alert WHERE deadline < ? AND escalated_at IS NULL AND status IN ('OPEN','ACKNOWLEDGED')"
                        + " AND rule <> 'OPP_DUE'" + (school == null ? "" : " AND school_id = ?"))
                .params(school == null ? List.of(today) : List.of(today, school)).query((rs, n) -> stored(rs)).list();
    }

    public void setIncomplete(String school, boolean incomplete, Instant at) {
        jdbc.sql("UPDATE alert SET incomplete = ?, updated_at = ? WHERE school_id = ? AND incomplete <> ?"
                        + " AND status IN ('OPEN','ACKNOWLEDGED','REPORTED') AND rule <> 'DATA_STALE'")
                .params(incomplete, ts(at), school, incomplete).update();
    }

    /**
     * The records behind alerts, replaced in two batches.
     *
     * @param held the alerts among them that may have records already (the others are new)
     */
    public void replaceRecords(Map<String, List<Bijdrage>> byAlert, Set<String> held) {
        if (postgres()) {
            replaceRecordsAsArrays(byAlert, held);
            return;
        }
        if (!held.isEmpty()) {
            batch.batchUpdate("DELETE FROM alert_record WHERE alert_id = ?", held.stream().map(id -> new Object[] {id}).toList());
        }
        List<Object[]> rows = new ArrayList<>();
        byAlert.forEach((alertId, records) -> records.forEach(b -> rows.add(new Object[] {alertId, b.absentieLvsId(), b.datum(),
                ts(b.start()), ts(b.eind()), b.uren(), b.code(), b.verdict() == null ? null : b.verdict().name()})));
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO alert_record (alert_id, absence_lvs_id, absence_date, starts_at, ends_at, hours, code,"
                    + " verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /**
     * PostgreSQL: a chunk's records (a first evaluation writes some 1,800 of them) in one statement, each column one
     * array parameter, instead of thousands of bound rows; the held alerts' old records in one more.
     */
    private void replaceRecordsAsArrays(Map<String, List<Bijdrage>> byAlert, Set<String> held) {
        if (!held.isEmpty()) {
            batch.update("DELETE FROM alert_record WHERE alert_id = ANY (?)", (Object) held.toArray(String[]::new));
        }
        int n = byAlert.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            return;
        }
        String[][] columns = new String[8][n];
        int i = 0;
        for (Map.Entry<String, List<Bijdrage>> e : byAlert.entrySet()) {
            for (Bijdrage b : e.getValue()) {
                columns[0][i] = e.getKey();
                columns[1][i] = b.absentieLvsId();
                columns[2][i] = b.datum().toString();
                columns[3][i] = b.start() == null ? null : b.start().toString();
                columns[4][i] = b.eind() == null ? null : b.eind().toString();
                columns[5][i] = b.uren() == null ? null : b.uren().toPlainString();
                columns[6][i] = b.code();
                columns[7][i] = b.verdict() == null ? null : b.verdict().name();
                i++;
            }
        }
        batch.update("INSERT INTO alert_record (alert_id, absence_lvs_id, absence_date, starts_at, ends_at, hours, code, verdict)"
                + " SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]::date[], ?::varchar[]::timestamptz[],"
                + " ?::varchar[]::timestamptz[], ?::varchar[]::numeric[], ?::varchar[], ?::varchar[])", (Object[]) columns);
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = batch.execute((ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = pg;
        }
        return pg;
    }

    public List<AlertRecord> records(String alertId) {
        List<String> school = jdbc.sql("SELECT school_id FROM alert WHERE id = ?").param(alertId).query(String.class).list();
        List<AlertRecord> then = jdbc.sql("SELECT * FROM alert_record WHERE alert_id = ? ORDER BY starts_at, absence_lvs_id")
                .param(alertId)
                .query((rs, n) -> new AlertRecord(rs.getString("absence_lvs_id"), rs.getObject("absence_date", LocalDate.class),
                        time(rs, "starts_at"), time(rs, "ends_at"), rs.getBigDecimal("hours"), rs.getString("code"),
                        rs.getString("verdict"), null, null))
                .list();
        if (school.isEmpty() || then.isEmpty()) {
            return then;
        }
        Map<String, RuleInputs.AbsenceNow> now = records.absencesNow(school.get(0),
                then.stream().map(AlertRecord::absenceLvsId).distinct().toList());
        return then.stream().map(r -> {
            RuleInputs.AbsenceNow a = now.get(r.absenceLvsId());
            return a == null ? r : new AlertRecord(r.absenceLvsId(), r.date(), r.start(), r.end(), r.hours(), r.code(),
                    r.verdict(), a.verdict(), a.deleted());
        }).toList();
    }

    public void history(String alertId, Instant at, String actor, String action, AlertStatus from, AlertStatus to, String detail) {
        historyAll(List.of(new NewHistory(alertId, at, actor, action, from, to, detail)));
    }

    /** Many history entries in one batch. */
    public void historyAll(List<NewHistory> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO alert_history (alert_id, at, actor, action, from_status, to_status, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(h -> new Object[] {h.alertId(), ts(h.at()), h.actor(), h.action(),
                        h.from() == null ? null : h.from().name(), h.to() == null ? null : h.to().name(),
                        truncate(h.detail(), 20000)}).toList());
    }

    public List<HistoryEntry> historyOf(String alertId) {
        return jdbc.sql("SELECT * FROM alert_history WHERE alert_id = ? ORDER BY at, id").param(alertId)
                .query((rs, n) -> new HistoryEntry(time(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("detail")))
                .list();
    }

    public Optional<AlertView> view(String id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = ?").param(id).query((rs, n) -> stored(rs)).optional()
                .map(a -> view(a, a.studentLvsId().isEmpty() ? Optional.empty() : students.find(a.schoolId(), a.studentLvsId()),
                        plans(a.schoolId(), List.of(a)).get(a.studentLvsId())));
    }

    /** The views of these alerts by id, read together (one query each for alerts, students and plans). */
    public Map<String, AlertView> viewsOf(Collection<String> ids) {
        List<StoredAlert> found = new ArrayList<>();
        for (List<String> part : parts(ids)) {
            found.addAll(jdbc.sql("SELECT * FROM alert WHERE id IN (:ids)").param("ids", part).query((rs, n) -> stored(rs)).list());
        }
        Map<String, AlertView> byId = new HashMap<>();
        views(found).forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    /** O4: the current OPP of the students of these absence alerts, as the alert shows it. */
    private Map<String, AlertView.Opp> plans(String school, Collection<StoredAlert> alerts) {
        List<String> ids = alerts.stream().filter(a -> WITH_OPP.contains(a.rule()) && !a.studentLvsId().isEmpty())
                .map(StoredAlert::studentLvsId).distinct().toList();
        Map<String, AlertView.Opp> found = new HashMap<>();
        if (!ids.isEmpty()) {
            opp.lopendePlannen(school, ids).forEach((student, v) -> found.put(student, new AlertView.Opp(v.planId(), v.versie(),
                    v.status() == null ? null : v.status().wire(), opp.arrangement(school, v.arrangement()), v.coach())));
        }
        return found;
    }

    /** Newest first; schools null means every school; an empty filter (school, rule, status) takes every value. */
    public List<AlertView> list(Collection<String> schools, Collection<String> school, Collection<String> rule,
                                Collection<String> status, String student, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (schools != null) {
            if (schools.isEmpty()) {
                return List.of();
            }
            where.append(" AND a.school_id IN (").append(String.join(",", schools.stream().map(s -> "?").toList())).append(")");
            params.addAll(schools);
        }
        Map<String, Collection<String>> filters = new LinkedHashMap<>();
        filters.put("a.school_id", school);
        filters.put("a.rule", rule);
        filters.put("a.status", status);
        filters.put("a.student_lvs_id", student == null || student.isBlank() ? List.of() : List.of(student.strip()));
        filters.forEach((column, values) -> {
            if (values != null && !values.isEmpty()) {
                where.append(" AND ").append(column).append(" IN (")
                        .append(String.join(",", values.stream().map(v -> "?").toList())).append(")");
                params.addAll(values);
            }
        });
        params.add(limit);
        List<StoredAlert> found = jdbc.sql("SELECT a.* FROM alert a" + where
                        + " ORDER BY a.created_at DESC, a.start_date DESC, a.id LIMIT ?")
                .params(params).query((rs, n) -> stored(rs)).list();
        return views(found);
    }

    public void meldingNummer(String id, String nummer) {
        jdbc.sql("UPDATE alert SET duo_melding_nummer = ? WHERE id = ?").params(nummer, id).update();
    }

    public Optional<String> meldingNummer(String id) {
        return jdbc.sql("SELECT duo_melding_nummer FROM alert WHERE id = ?").param(id).query(String.class).optional()
                .filter(n -> n != null && !n.isBlank());
    }

    /**
     * The coordinator's inbox, what needs action first: legal alerts still to report by deadline (those past it at the
     * top), then new signals (newest first), then acknowledged signals, then what is done (reported, withdrawn,
     * closed). schools null means every school; statuses empty means every status.
     */
    public List<AlertView> inbox(Collection<String> schools, String school, String rule, Collection<String> statuses,
                                 LocalDate today, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (schools != null) {
            if (schools.isEmpty()) {
                return List.of();
            }
            where.append(" AND a.school_id IN (").append(String.join(",", schools.stream().map(s -> "?").toList())).append(")");
            params.addAll(schools);
        }
        if (school != null && !school.isBlank()) {
            where.append(" AND a.school_id = ?");
            params.add(school.strip());
        }
        if (rule != null && !rule.isBlank()) {
            where.append(" AND a.rule = ?");
            params.add(rule.strip());
        }
        if (statuses != null && !statuses.isEmpty()) {
            where.append(" AND a.status IN (").append(String.join(",", statuses.stream().map(s -> "?").toList())).append(")");
            params.addAll(statuses);
        }
        String todo = "a.rule IN ('LEGAL_16H','LRV','LUXE') AND a.status IN ('OPEN','ACKNOWLEDGED')";
        String priority = "CASE WHEN " + todo + " AND a.deadline < ? THEN 0 WHEN " + todo + " THEN 1"
                + " WHEN a.status = 'OPEN' THEN 2 WHEN a.status = 'ACKNOWLEDGED' THEN 3 ELSE 4 END";
        List<Object> all = new ArrayList<>();
        all.add(today);
        all.addAll(params);
        all.add(limit);
        List<StoredAlert> found = jdbc.sql("SELECT a.*, " + priority + " AS prio FROM alert a" + where
                        + " ORDER BY prio, CASE WHEN " + todo + " THEN a.deadline END ASC NULLS LAST,"
                        + " a.created_at DESC, a.start_date DESC, a.id LIMIT ?")
                .params(all).query((rs, n) -> stored(rs)).list();
        return views(found);
    }

    /** Every alert of one student, the newest first. */
    public List<AlertView> ofStudent(String school, String student) {
        return views(jdbc.sql("SELECT * FROM alert WHERE school_id = ? AND student_lvs_id = ?"
                        + " ORDER BY start_date DESC, created_at DESC, id").params(school, student)
                .query((rs, n) -> stored(rs)).list());
    }

    private List<AlertView> views(List<StoredAlert> found) {
        Map<String, Map<String, StudentRecord>> studentsBySchool = new HashMap<>();
        found.stream().collect(Collectors.groupingBy(StoredAlert::schoolId,
                        Collectors.mapping(StoredAlert::studentLvsId, Collectors.toSet())))
                .forEach((s, ids) -> studentsBySchool.put(s, students.find(s, ids)));
        Map<String, Map<String, AlertView.Opp>> plansBySchool = new HashMap<>();
        found.stream().collect(Collectors.groupingBy(StoredAlert::schoolId))
                .forEach((s, list) -> plansBySchool.put(s, plans(s, list)));
        return found.stream().map(a -> view(a, Optional.ofNullable(
                studentsBySchool.getOrDefault(a.schoolId(), Map.of()).get(a.studentLvsId())),
                plansBySchool.getOrDefault(a.schoolId(), Map.of()).get(a.studentLvsId()))).toList();
    }

    /** The open alerts of a school (OPEN and ACKNOWLEDGED), the nearest deadline first. */
    List<StoredAlert> open(String school) {
        return jdbc.sql("SELECT * FROM alert WHERE school_id = ? AND status IN ('OPEN', 'ACKNOWLEDGED')"
                        + " ORDER BY deadline ASC NULLS LAST, created_at ASC, id ASC")
                .param(school).query((rs, n) -> stored(rs)).list();
    }

    private static AlertView view(StoredAlert a, Optional<StudentRecord> student, AlertView.Opp opp) {
        return new AlertView(a.id(), a.schoolId(),
                a.studentLvsId() == null || a.studentLvsId().isEmpty() ? null
                        : new AlertView.Student(a.studentLvsId(), student.map(s -> name(s.roepnaam(), s.tussenvoegsel(),
                                s.achternaam())).orElse(null), student.map(StudentRecord::klas).orElse(null)),
                a.rule(), a.signal() == null || a.signal().isEmpty() ? null : a.signal(), a.startDate(), a.endDate(),
                a.hours() == null ? null : a.hours().doubleValue(), a.deadline(), a.status().name(), a.incomplete(),
                a.statusUnknown(), a.escalatedAt() != null,
                a.windowFrom() == null ? null : new AlertView.Window(a.windowFrom(), a.windowTo()), a.verzuimdagen(),
                a.allLessonsMissed(), a.explanation(), ApiTime.of(a.createdAt()), ApiTime.of(a.updatedAt()), opp);
    }

    static String name(String roepnaam, String tussenvoegsel, String achternaam) {
        String name = StudentRecord.naam(roepnaam, tussenvoegsel, achternaam);
        return name.isEmpty() ? null : name;
    }

    static StoredAlert stored(ResultSet rs) throws SQLException {
        return new StoredAlert(rs.getString("id"), rs.getString("school_id"), rs.getString("student_lvs_id"),
                rs.getString("rule"), rs.getString("signal"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("hours"), rs.getObject("deadline", LocalDate.class),
                rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class),
                AlertStatus.valueOf(rs.getString("status")), rs.getBoolean("incomplete"), rs.getBoolean("status_unknown"),
                (Boolean) rs.getObject("all_lessons_missed"), (Integer) rs.getObject("verzuimdagen", Integer.class),
                rs.getString("explanation"), time(rs, "created_at"), time(rs, "updated_at"), time(rs, "escalated_at"));
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** An absence record behind an alert: the verdict it had then, and the one it has now. */
    public record AlertRecord(String absenceLvsId, LocalDate date, Instant start, Instant end, BigDecimal hours, String code,
                              String verdict, String currentVerdict, Boolean deleted) {
    }

    /** An absence behind an alert as the rules compare it. */
    public record RecordKey(String absenceLvsId, String verdict, BigDecimal hours) {
    }

    /** A history entry to write. */
    public record NewHistory(String alertId, Instant at, String actor, String action, AlertStatus from, AlertStatus to,
                             String detail) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus, String detail) {
    }
}
