package nl.lvssync.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import nl.lvssync.school.ImportedHolidays;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolRepository;
import nl.lvssync.sync.RuleInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notices when what the rules depend on besides the records changed (holidays, unit, code table, thresholds,
 * or the rules themselves in a new release): then stored verdicts are re-derived and every student is evaluated.
 */
@Component
class SchoolRulesConfig {

    /**
     * Raise when the rules engine's results may differ for the same data, so every alert is re-evaluated once: part of
     * each school's stored configuration hash. 2: R1's window counted after A's own week and a report's hours through
     * its whole end day (issue 14); MAZL's two conditions as separate alerts (issue 15).
     */
    static final String RULES_VERSION = "2";

    private static final Logger log = LoggerFactory.getLogger(SchoolRulesConfig.class);

    private final SchoolRepository schoolRepository;
    private final RuleInputs inputs;
    private final ImportedHolidays importedHolidays;

    SchoolRulesConfig(SchoolRepository schoolRepository, RuleInputs inputs, ImportedHolidays importedHolidays) {
        this.schoolRepository = schoolRepository;
        this.inputs = inputs;
        this.importedHolidays = importedHolidays;
    }

    /** True (once) when the school's rule configuration differs from the one last evaluated with. */
    boolean changed(School school) {
        String hash = hash(school, importedHolidays.forRegion(school.region()).toString());
        String stored = schoolRepository.rulesConfigHash(school.id()).orElse(null);
        if (hash.equals(stored)) {
            return false;
        }
        int recoded = inputs.rederiveVerdicts(school);
        inputs.markAllForEvaluation(school.id());
        schoolRepository.rulesConfigHash(school.id(), hash);
        if (stored != null) {
            log.info("School {}: calendar, code table or rules changed; {} absence verdict(s) re-derived, every student re-evaluated",
                    school.id(), recoded);
        }
        return true;
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
