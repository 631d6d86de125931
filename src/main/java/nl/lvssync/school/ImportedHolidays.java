package nl.lvssync.school;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.RijksoverheidVakanties;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Holidays imported from the public feed, per school year and region. */
@Repository
public class ImportedHolidays {

    private final JdbcClient jdbc;

    public ImportedHolidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Schoolvakantie> forRegion(Regio regio) {
        return jdbc.sql("SELECT name, from_date, to_date FROM imported_holiday WHERE region = ? ORDER BY from_date")
                .param(regio.name())
                .query((rs, n) -> new Schoolvakantie(rs.getString("name"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class)))
                .list();
    }

    /** Replaces what was imported before for the school years in the list. */
    @Transactional
    public void replace(List<RijksoverheidVakanties.Vakantie> vakanties, String source, Instant at) {
        vakanties.stream().map(RijksoverheidVakanties.Vakantie::schooljaar).distinct()
                .forEach(year -> jdbc.sql("DELETE FROM imported_holiday WHERE school_year = ?").param(year).update());
        for (RijksoverheidVakanties.Vakantie v : vakanties) {
            jdbc.sql("DELETE FROM imported_holiday WHERE school_year = ? AND region = ? AND name = ?")
                    .params(v.schooljaar(), v.regio().name(), v.periode().name()).update();
            jdbc.sql("INSERT INTO imported_holiday (school_year, region, name, from_date, to_date, source, imported_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(v.schooljaar(), v.regio().name(), v.periode().name(), v.periode().from(), v.periode().to(),
                            source, Timestamp.from(at))
                    .update();
        }
    }
}
