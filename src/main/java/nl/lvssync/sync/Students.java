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
import nl.lvssync.time.ApiTime;
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

    /** One absence record as kept, with the raw LVS code and our verdict; deleted ones are kept and flagged. */
    record AbsenceView(String lvsId, LocalDate date, OffsetDateTime start, OffsetDateTime end, Integer lesuur,
                       String lessonLvsId, String code, String description, Integer lvsType, Boolean lvsExcused,
                       String verdict, boolean lessonCancelled, boolean deleted, OffsetDateTime deletedAt,
                       OffsetDateTime firstSeenAt, OffsetDateTime updatedAt) {
    }

    /** A student's absences from one day to another (both inclusive), in time order. */
    List<AbsenceView> absences(String school, String lvsId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM absence WHERE school_id = ? AND student_lvs_id = ? AND absence_date >= ?"
                        + " AND absence_date <= ? ORDER BY starts_at, lvs_id")
                .params(school, lvsId, from, to)
                .query((rs, n) -> new AbsenceView(rs.getString("lvs_id"), rs.getObject("absence_date", LocalDate.class),
                        time(rs, "starts_at"), time(rs, "ends_at"), (Integer) rs.getObject("lesuur", Integer.class),
                        rs.getString("lesson_lvs_id"), rs.getString("code"), rs.getString("description"),
                        (Integer) rs.getObject("lvs_type", Integer.class), (Boolean) rs.getObject("lvs_excused"),
                        rs.getString("verdict"), rs.getBoolean("lesson_cancelled"), rs.getBoolean("deleted"),
                        time(rs, "deleted_at"), time(rs, "first_seen_at"), time(rs, "updated_at")))
                .list();
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
