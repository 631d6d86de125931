package nl.lvssync.lvs.csv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three exports a school places, by file name, with their default columns (lvs-apis.md, "CSV export"). */
enum CsvKind {
    // inschrijfdatum and profiel are optional, beyond the spec's default columns: an export that carries them gives
    // the OPP rules the date a student was enrolled (placed) and their support profile, as Magister's aanmelding does
    STUDENTS("leerlingen", "students", List.of("leerling_id", "stamnr", "roepnaam", "tussenvoegsel", "achternaam",
            "geboortedatum", "klas", "studie", "locatie", "email", "bsn", "inschrijfdatum", "profiel"), List.of("leerling_id")),
    ABSENCES("absenties", "absences", List.of("absentie_id", "leerling_id", "datum", "lesuur", "begintijd", "eindtijd",
            "code", "omschrijving", "geoorloofd"), List.of("leerling_id", "datum")),
    LESSONS("lessen", "lessons", List.of("les_id", "leerling_id", "datum", "lesuur", "begintijd", "eindtijd", "vak",
            "vervallen"), List.of("leerling_id", "datum", "begintijd", "eindtijd"));

    /** the file name starts with this: leerlingen*.csv, absenties*.csv, lessen*.csv */
    final String prefix;
    /** the key under csv.columns */
    final String configKey;
    final List<String> columns;
    /** columns without which no line of the file can be read */
    final List<String> required;

    CsvKind(String prefix, String configKey, List<String> columns, List<String> required) {
        this.prefix = prefix;
        this.configKey = configKey;
        this.columns = columns;
        this.required = required;
    }

    static Optional<CsvKind> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.endsWith(".csv")) {
            return Optional.empty();
        }
        for (CsvKind kind : values()) {
            if (n.startsWith(kind.prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The Ant patterns of the watched folder. */
    static String antPatterns() {
        return "leerlingen*.csv,absenties*.csv,lessen*.csv";
    }
}
