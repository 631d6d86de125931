package nl.lvssync.lvs.somtoday;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The somtoday_open_melding table: which meldingen were still open at a school's last run. */
@Repository
class OpenMeldingen {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    OpenMeldingen(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The begin date of the earliest melding still open at the last run, if any. */
    Optional<LocalDate> earliest(String school) {
        return jdbc.sql("SELECT begin_date FROM somtoday_open_melding WHERE school_id = ? ORDER BY begin_date")
                .param(school).query(LocalDate.class).list().stream().findFirst();
    }

    void replace(String school, Collection<Melding> open) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM somtoday_open_melding WHERE school_id = ?").param(school).update();
            for (Melding m : open) {
                jdbc.sql("INSERT INTO somtoday_open_melding (school_id, melding_id, student_lvs_id, begin_date) VALUES (?, ?, ?, ?)")
                        .params(school, m.id(), m.studentUuid(), Date.valueOf(SomtodayTime.localDate(m.begin()))).update();
            }
        });
    }
}
