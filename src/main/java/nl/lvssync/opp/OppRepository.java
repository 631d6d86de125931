package nl.lvssync.opp;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.lvssync.lvs.csv.ExportFolder;
import nl.lvssync.time.ApiTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The opp tables: every version of every plan, and every OPP export received. */
@Repository
class OppRepository {

    private static final String VERSION_COLUMNS = "student_lvs_id, status, opgesteld_op, vastgesteld_op,"
            + " geevalueerd_op, uitstroomprofiel, uitstroombestemming, onderbouwing, beoogde_uitstroomdatum, leerroute,"
            + " onderwijstraject, vakkenpakket, arrangement, begeleiding, coach, beginsituatie_didactisch,"
            + " beginsituatie_leergedrag, beginsituatie_sociaal_emotioneel, bevorderende_factoren, belemmerende_factoren,"
            + " instemming_ouders_op";

    private final JdbcClient jdbc;

    OppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one export changed. */
    record Changes(int created, int changed) {
        boolean any() {
            return created + changed > 0;
        }
    }

    /**
     * Takes over an export's good lines, in the caller's transaction: a version we hold with the same content stays as
     * it is (the same export twice changes nothing), a newer versie is a new row, the same versie with other content
     * is corrected in place. Without a versie in the export, new content is the plan's next version.
     */
    Changes store(String school, long exportId, List<OppExport.Regel> regels, Instant at) {
        int created = 0;
        int changed = 0;
        Timestamp now = Timestamp.from(at);
        for (OppExport.Regel r : regels) {
            OppVersie v = r.inhoud();
            String plan = v.planId() == null ? "" : v.planId();
            String hash = hash(v);
            if (r.versie() != null) {
                List<String> held = jdbc.sql("SELECT content_hash FROM opp_plan_version WHERE school_id = ? AND student_lvs_id = ?"
                                + " AND plan_id = ? AND versie = ?")
                        .params(school, v.studentLvsId(), plan, r.versie()).query(String.class).list();
                if (held.isEmpty()) {
                    insert(school, plan, r.versie(), true, v, hash, exportId, r.line(), now);
                    created++;
                } else if (!held.get(0).equals(hash)) {
                    update(school, plan, r.versie(), v, hash, exportId, r.line(), now);
                    changed++;
                }
                continue;
            }
            boolean known = jdbc.sql("SELECT COUNT(*) FROM opp_plan_version WHERE school_id = ? AND student_lvs_id = ?"
                            + " AND plan_id = ? AND content_hash = ?")
                    .params(school, v.studentLvsId(), plan, hash).query(Integer.class).single() > 0;
            if (!known) {
                int next = jdbc.sql("SELECT COALESCE(MAX(versie), 0) + 1 FROM opp_plan_version WHERE school_id = ?"
                                + " AND student_lvs_id = ? AND plan_id = ?")
                        .params(school, v.studentLvsId(), plan).query(Integer.class).single();
                insert(school, plan, next, false, v, hash, exportId, r.line(), now);
                created++;
            }
        }
        return new Changes(created, changed);
    }

    private void insert(String school, String plan, int versie, boolean given, OppVersie v, String hash, long exportId,
                        int line, Timestamp now) {
        jdbc.sql("INSERT INTO opp_plan_version (school_id, plan_id, versie, versie_given, " + VERSION_COLUMNS
                        + ", content_hash, export_id, export_line, received_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, " + "?, ".repeat(21) + "?, ?, ?, ?, ?)")
                .params(Stream.concat(Stream.of(school, plan, versie, given), Stream.concat(values(v).stream(),
                        Stream.of(hash, exportId, line, now, now))).toList())
                .update();
    }

    private void update(String school, String plan, int versie, OppVersie v, String hash, long exportId, int line,
                        Timestamp now) {
        String set = Stream.of(VERSION_COLUMNS.split(",")).map(String::strip).map(c -> c + " = ?")
                .collect(Collectors.joining(", "));
        jdbc.sql("UPDATE opp_plan_version SET " + set + ", content_hash = ?, export_id = ?, export_line = ?, updated_at = ?"
                        + " WHERE school_id = ? AND plan_id = ? AND versie = ? AND student_lvs_id = ?")
                .params(Stream.concat(values(v).stream(), Stream.of(hash, exportId, line, now, school, plan, versie,
                        v.studentLvsId())).toList())
                .update();
    }

    private static List<Object> values(OppVersie v) {
        return java.util.Arrays.asList(v.studentLvsId(), v.status() == null ? null : v.status().wire(), date(v.opgesteldOp()), date(v.vastgesteldOp()),
                date(v.geevalueerdOp()), v.uitstroomprofiel(), v.uitstroombestemming(), v.onderbouwing(),
                date(v.beoogdeUitstroomdatum()), v.leerroute(), v.onderwijstraject(), v.vakkenpakket(), v.arrangement(),
                v.begeleiding(), v.coach(), v.beginsituatieDidactisch(), v.beginsituatieLeergedrag(),
                v.beginsituatieSociaalEmotioneel(), v.bevorderendeFactoren(), v.belemmerendeFactoren(),
                date(v.instemmingOudersOp()));
    }

    /** The content a version is recognised by: every cell of its line but the version number. */
    static String hash(OppVersie v) {
        String text = Stream.of(v.studentLvsId(), v.planId(), v.status() == null ? null : v.status().wire(), v.opgesteldOp(),
                        v.vastgesteldOp(), v.geevalueerdOp(), v.uitstroomprofiel(), v.uitstroombestemming(), v.onderbouwing(),
                        v.beoogdeUitstroomdatum(), v.leerroute(), v.onderwijstraject(), v.vakkenpakket(), v.arrangement(),
                        v.begeleiding(), v.coach(), v.beginsituatieDidactisch(), v.beginsituatieLeergedrag(),
                        v.beginsituatieSociaalEmotioneel(), v.bevorderendeFactoren(), v.belemmerendeFactoren(),
                        v.instemmingOudersOp())
                .map(o -> Objects.toString(o, "\u0000")).collect(Collectors.joining("\u001F"));
        return ExportFolder.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every version the school's exports gave, per student and plan in version order. */
    List<OppVersie> versions(String school) {
        return jdbc.sql("SELECT * FROM opp_plan_version WHERE school_id = ? ORDER BY student_lvs_id, plan_id, versie")
                .param(school).query((rs, n) -> version(rs)).list();
    }

    List<OppVersie> versions(String school, String student) {
        return jdbc.sql("SELECT * FROM opp_plan_version WHERE school_id = ? AND student_lvs_id = ? ORDER BY plan_id, versie")
                .params(school, student).query((rs, n) -> version(rs)).list();
    }

    List<OppVersie> versions(String school, Collection<String> students) {
        if (students.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM opp_plan_version WHERE school_id = :school AND student_lvs_id IN (:students)"
                        + " ORDER BY student_lvs_id, plan_id, versie")
                .param("school", school).param("students", students).query((rs, n) -> version(rs)).list();
    }

    private static OppVersie version(ResultSet rs) throws SQLException {
        String plan = rs.getString("plan_id");
        String status = rs.getString("status");
        OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
        return new OppVersie(rs.getString("student_lvs_id"), plan == null || plan.isEmpty() ? null : plan,
                rs.getInt("versie"), status == null ? null : OppStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)),
                day(rs, "opgesteld_op"), day(rs, "vastgesteld_op"), day(rs, "geevalueerd_op"), rs.getString("uitstroomprofiel"),
                rs.getString("uitstroombestemming"), rs.getString("onderbouwing"), day(rs, "beoogde_uitstroomdatum"),
                rs.getString("leerroute"), rs.getString("onderwijstraject"), rs.getString("vakkenpakket"),
                rs.getString("arrangement"), rs.getString("begeleiding"), rs.getString("coach"),
                rs.getString("beginsituatie_didactisch"), rs.getString("beginsituatie_leergedrag"),
                rs.getString("beginsituatie_sociaal_emotioneel"), rs.getString("bevorderende_factoren"),
                rs.getString("belemmerende_factoren"), day(rs, "instemming_ouders_op"),
                received == null ? null : ApiTime.of(received.toInstant()));
    }

    /** An export as received, for the administrator. */
    record Export(long id, String school, String fileName, String storedPath, OffsetDateTime receivedAt, String status,
                  int lines, int goodLines, int badLines, int newVersions, int changedVersions, String report) {
    }

    long recordExport(String school, String fileName, String storedPath, String hash, Instant at, boolean applied,
                      OppExport export, Changes changes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO opp_export (school_id, file_name, stored_path, content_hash, received_at, status, lines,"
                        + " good_lines, bad_lines, new_versions, changed_versions, report)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(school, cut(fileName, 300), cut(storedPath, 1000), hash, Timestamp.from(at),
                        applied ? "APPLIED" : "REJECTED", export.lines(), export.regels().size(), export.bad().size(),
                        changes.created(), changes.changed(),
                        export.clean() ? null : cut(export.report(fileName, school, at), 100000))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void exportChanges(long id, Changes changes) {
        jdbc.sql("UPDATE opp_export SET new_versions = ?, changed_versions = ? WHERE id = ?")
                .params(changes.created(), changes.changed(), id).update();
    }

    boolean knownExport(String school, String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM opp_export WHERE school_id = ? AND content_hash = ?").params(school, hash)
                .query(Integer.class).single() > 0;
    }

    List<Export> exports(String school, int limit) {
        return jdbc.sql("SELECT * FROM opp_export WHERE school_id = ? ORDER BY received_at DESC, id DESC LIMIT ?")
                .params(school, limit)
                .query((rs, n) -> new Export(rs.getLong("id"), rs.getString("school_id"), rs.getString("file_name"),
                        rs.getString("stored_path"), ApiTime.of(rs.getObject("received_at", OffsetDateTime.class).toInstant()),
                        rs.getString("status"), rs.getInt("lines"), rs.getInt("good_lines"), rs.getInt("bad_lines"),
                        rs.getInt("new_versions"), rs.getInt("changed_versions"), rs.getString("report")))
                .list();
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(s.length() - max);
    }
}
