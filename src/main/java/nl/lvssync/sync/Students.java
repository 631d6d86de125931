package nl.lvssync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import nl.lvssync.time.ApiTime;
import nl.lvssync.verzuim.TeLaat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The students (leerlingen) we keep, as other modules may read them; written only by {@link LvsRecordStore}. */
@Component
public class Students {

    private static final String COLUMNS = "lvs_id, stamnr, roepnaam, tussenvoegsel, achternaam, birth_date, klas, studie,"
            + " locatie, email, bsn, uitstroomprofiel, startkwalificatie";

    private final JdbcClient jdbc;

    Students(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StudentRecord> find(String school, String lvsId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM student WHERE school_id = ? AND lvs_id = ?")
                .params(school, lvsId).query((rs, n) -> student(rs)).optional();
    }

    /** The school's students with these ids, by id; an id we do not hold is missing. */
    public Map<String, StudentRecord> find(String school, Collection<String> lvsIds) {
        Map<String, StudentRecord> found = new HashMap<>();
        if (lvsIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM student WHERE school_id = :school AND lvs_id IN (:ids)")
                .param("school", school).param("ids", lvsIds)
                .query((ResultSet rs) -> {
                    StudentRecord s = student(rs);
                    found.put(s.lvsId(), s);
                });
        return found;
    }

    /** A student found by a search: who, where and in which class; no BSN or birth date. */
    public record Found(String school, String lvsId, String name, String klas, boolean active) {
    }

    /**
     * Students whose name contains the text, or whose class is it (case-insensitive), within these schools (null:
     * every school), by class and name.
     */
    public List<Found> search(Collection<String> schools, String text, int limit) {
        if (schools != null && schools.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        String q = text.strip().toLowerCase(java.util.Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String name = "LOWER(COALESCE(roepnaam, '') || ' ' || COALESCE(tussenvoegsel, '') || ' ' || COALESCE(achternaam, ''))";
        String nameNoPrefix = "LOWER(COALESCE(roepnaam, '') || ' ' || COALESCE(achternaam, ''))";
        JdbcClient.StatementSpec sql = jdbc.sql("SELECT school_id, lvs_id, roepnaam, tussenvoegsel, achternaam, klas, active"
                        + " FROM student WHERE (" + name + " LIKE :like ESCAPE '\\' OR " + nameNoPrefix + " LIKE :like ESCAPE '\\'"
                        + " OR LOWER(klas) = :q OR lvs_id = :exact OR stamnr = :exact)"
                        + (schools == null ? "" : " AND school_id IN (:schools)")
                        + " ORDER BY active DESC, klas, achternaam, roepnaam, lvs_id LIMIT :limit")
                .param("like", like).param("q", q).param("exact", text.strip()).param("limit", limit);
        if (schools != null) {
            sql = sql.param("schools", schools);
        }
        return sql.query((rs, n) -> new Found(rs.getString("school_id"), rs.getString("lvs_id"),
                StudentRecord.naam(rs.getString("roepnaam"), rs.getString("tussenvoegsel"), rs.getString("achternaam")),
                rs.getString("klas"), rs.getBoolean("active"))).list();
    }

    /** Magister's Verantwoordingtype for a late arrival (te laat). */
    private static final int TE_LAAT = 2;

    /**
     * One absence record as kept, with the raw LVS code and our verdict; deleted ones are kept and flagged. A late
     * arrival carries its minutes late, or the note that the LVS gave none ("minuten te laat onbekend").
     */
    record AbsenceView(String lvsId, LocalDate date, OffsetDateTime start, OffsetDateTime end, Integer lesuur,
                       String lessonLvsId, String code, String description, Integer lvsType, Boolean lvsExcused,
                       String verdict, boolean lessonCancelled, boolean deleted, OffsetDateTime deletedAt,
                       OffsetDateTime firstSeenAt, OffsetDateTime updatedAt, OffsetDateTime lessonStart,
                       OffsetDateTime lessonEnd, Long minutesLate, String note) {
    }

    /** A student's absences from one day to another (both inclusive), in time order. */
    List<AbsenceView> absences(String school, String lvsId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT a.*, COALESCE(a.lesson_starts_at, l.starts_at) AS les_start,"
                        + " COALESCE(a.lesson_ends_at, l.ends_at) AS les_eind FROM absence a LEFT JOIN lesson l"
                        + " ON l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id"
                        + " WHERE a.school_id = ? AND a.student_lvs_id = ? AND a.absence_date >= ? AND a.absence_date <= ?"
                        + " ORDER BY a.starts_at, a.lvs_id")
                .params(school, lvsId, from, to)
                .query((rs, n) -> {
                    OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
                    OffsetDateTime lesStart = rs.getObject("les_start", OffsetDateTime.class);
                    String verdict = rs.getString("verdict");
                    Integer lvsType = (Integer) rs.getObject("lvs_type", Integer.class);
                    boolean late = "LATE".equals(verdict) || "LATE_EXCUSED".equals(verdict)
                            || Integer.valueOf(TE_LAAT).equals(lvsType);
                    OptionalLong minutes = late ? TeLaat.minuten(lesStart == null ? null : lesStart.toInstant(),
                            start == null ? null : start.toInstant()) : OptionalLong.empty();
                    return new AbsenceView(rs.getString("lvs_id"), rs.getObject("absence_date", LocalDate.class),
                            api(start), time(rs, "ends_at"), (Integer) rs.getObject("lesuur", Integer.class),
                            rs.getString("lesson_lvs_id"), rs.getString("code"), rs.getString("description"), lvsType,
                            (Boolean) rs.getObject("lvs_excused"), verdict, rs.getBoolean("lesson_cancelled"),
                            rs.getBoolean("deleted"), time(rs, "deleted_at"), time(rs, "first_seen_at"),
                            time(rs, "updated_at"), api(lesStart), time(rs, "les_eind"),
                            minutes.isPresent() ? minutes.getAsLong() : null,
                            late && minutes.isEmpty() ? TeLaat.ONBEKEND : null);
                })
                .list();
    }

    private static OffsetDateTime api(OffsetDateTime t) {
        return t == null ? null : ApiTime.of(t.toInstant());
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : ApiTime.of(t.toInstant());
    }

    private static StudentRecord student(ResultSet rs) throws SQLException {
        return new StudentRecord(rs.getString("lvs_id"), rs.getString("stamnr"), rs.getString("roepnaam"),
                rs.getString("tussenvoegsel"), rs.getString("achternaam"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("klas"), rs.getString("studie"), rs.getString("locatie"), rs.getString("email"),
                rs.getString("bsn"), rs.getString("uitstroomprofiel"), (Boolean) rs.getObject("startkwalificatie"));
    }
}
