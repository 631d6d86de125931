package nl.lvssync.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.School;
import nl.lvssync.school.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notices when what the rules depend on besides the records changed (holidays, unit, code table, thresholds,
 * or the rules themselves in a new release): then stored verdicts are re-derived and every student is evaluated.
 */
@Component
public class SchoolRulesConfig {

    /**
     * Raise when the rules engine's results may differ for the same data, so every alert is re-evaluated once: part of
     * each school's stored configuration hash. 2: R1's window counted after A's own week and a report's hours through
     * its whole end day (issue 14); MAZL's two conditions as separate alerts (issue 15).
     */
    static final String RULES_VERSION = "2";

    private static final Logger log = LoggerFactory.getLogger(SchoolRulesConfig.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final nl.lvssync.school.ImportedHolidays importedHolidays;

    public SchoolRulesConfig(JdbcClient jdbc, JdbcTemplate jdbcTemplate, nl.lvssync.school.ImportedHolidays importedHolidays) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.importedHolidays = importedHolidays;
    }

    /** True (once) when the school's rule configuration differs from the one last evaluated with. */
    public boolean changed(School school) {
        String hash = hash(school, importedHolidays.forRegion(school.region()).toString());
        String stored = jdbc.sql("SELECT config_hash FROM school WHERE id = ?").param(school.id()).query(String.class)
                .optional().orElse(null);
        if (hash.equals(stored)) {
            return false;
        }
        int recoded = rederiveVerdicts(school);
        jdbc.sql("UPDATE student SET rules_dirty = TRUE WHERE school_id = ?").param(school.id()).update();
        jdbc.sql("UPDATE school SET config_hash = ? WHERE id = ?").params(hash, school.id()).update();
        if (stored != null) {
            log.info("School {}: calendar, code table or rules changed; {} absence verdict(s) re-derived, every student re-evaluated",
                    school.id(), recoded);
        }
        return true;
    }

    /** Streams the school's absences, so a region of 20,000 students is re-coded in bounded memory. */
    private int rederiveVerdicts(School school) {
        CodeTable codes = new CodeTable(school.codes());
        List<Object[]> batch = new ArrayList<>();
        int[] changed = {0};
        jdbcTemplate.query("SELECT lvs_id, code, lvs_type, lvs_excused, verdict FROM absence WHERE school_id = ?",
                (RowCallbackHandler) rs -> {
                    Integer type = (Integer) rs.getObject("lvs_type", Integer.class);
                    Verdict verdict = codes.verdict(rs.getString("code"), type, (Boolean) rs.getObject("lvs_excused"));
                    if (!verdict.name().equals(rs.getString("verdict"))) {
                        batch.add(new Object[] {verdict.name(), school.id(), rs.getString("lvs_id")});
                        changed[0]++;
                        if (batch.size() >= 500) {
                            flush(batch);
                        }
                    }
                }, school.id());
        flush(batch);
        return changed[0];
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbcTemplate.batchUpdate("UPDATE absence SET verdict = ? WHERE school_id = ? AND lvs_id = ?", batch);
            batch.clear();
        }
    }

    static String hash(School school, String importedHolidays) {
        String text = String.join("\n", RULES_VERSION, importedHolidays, String.valueOf(school.region()), String.valueOf(school.holidays()),
                String.valueOf(school.unit()), new TreeMap<>(school.codes()).toString(), new TreeMap<>(school.rules()).toString(),
                String.valueOf(school.staleAfterHours()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
