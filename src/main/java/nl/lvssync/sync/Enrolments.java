package nl.lvssync.sync;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lvssync.time.ClockConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The students of a school with their aanmeldingen (enrolments, Somtoday's plaatsingen), as the OPP rules read them:
 * who is still enrolled, since when we know them, and what study, group and profile each enrolment has.
 */
@Component
public class Enrolments {

    private final JdbcClient jdbc;

    Enrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A student and their enrolments, oldest first.
     *
     * @param active    false once the student is missing from the LVS's complete student list: they left
     * @param firstSeen the day LVS Sync first read the student from the LVS
     */
    public record Enrolled(StudentRecord student, boolean active, LocalDate firstSeen, List<EnrolmentRecord> enrolments) {
    }

    /** Every student we hold for the school, those who left included (their OPP alerts close). */
    public List<Enrolled> of(String school) {
        return read(school, null);
    }

    /** One student, if we hold them. */
    public java.util.Optional<Enrolled> of(String school, String lvsId) {
        return read(school, lvsId).stream().findFirst();
    }

    private List<Enrolled> read(String school, String lvsId) {
        String one = lvsId == null ? "" : " AND student_lvs_id = :student";
        Map<String, List<EnrolmentRecord>> byStudent = new HashMap<>();
        jdbc.sql("SELECT * FROM enrolment WHERE school_id = :school" + one + " ORDER BY begin_date NULLS FIRST, lvs_id")
                .param("school", school).param("student", lvsId)
                .query((ResultSet rs) -> {
                    byStudent.computeIfAbsent(rs.getString("student_lvs_id"), s -> new ArrayList<>())
                            .add(new EnrolmentRecord(rs.getString("lvs_id"), rs.getString("studie"), rs.getString("groep"),
                                    rs.getString("groep_omschrijving"), rs.getString("lesperiode"), rs.getString("mentor"),
                                    rs.getObject("begin_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                                    (Boolean) rs.getObject("hoofd_aanmelding"), rs.getString("profiel"),
                                    rs.getString("profiel2"), rs.getString("locatie")));
                });
        return jdbc.sql("SELECT lvs_id, stamnr, roepnaam, tussenvoegsel, achternaam, birth_date, klas, studie, locatie,"
                        + " uitstroomprofiel, startkwalificatie, active, first_seen_at FROM student WHERE school_id = :school"
                        + (lvsId == null ? "" : " AND lvs_id = :student") + " ORDER BY lvs_id")
                .param("school", school).param("student", lvsId)
                .query((rs, n) -> {
                    // no email or BSN: the OPP rules need neither
                    StudentRecord s = new StudentRecord(rs.getString("lvs_id"), rs.getString("stamnr"), rs.getString("roepnaam"),
                            rs.getString("tussenvoegsel"), rs.getString("achternaam"), rs.getObject("birth_date", LocalDate.class),
                            rs.getString("klas"), rs.getString("studie"), rs.getString("locatie"), null, null,
                            rs.getString("uitstroomprofiel"), (Boolean) rs.getObject("startkwalificatie"));
                    OffsetDateTime seen = rs.getObject("first_seen_at", OffsetDateTime.class);
                    return new Enrolled(s, rs.getBoolean("active"),
                            seen == null ? null : seen.atZoneSameInstant(ClockConfig.AMSTERDAM).toLocalDate(),
                            List.copyOf(byStudent.getOrDefault(s.lvsId(), List.of())));
                })
                .list();
    }
}
