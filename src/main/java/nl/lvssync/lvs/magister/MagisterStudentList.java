package nl.lvssync.lvs.magister;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.StudentRecord;

/**
 * Reads the GetData CSV student list (';'-separated, header row, the school's own layout) one row at a
 * time. Columns are mapped by configuration: our field name → the layout's column name.
 */
final class MagisterStudentList {

    static final List<String> FIELDS = List.of("id", "stamnr", "roepnaam", "tussenv", "achternaam", "geb_datum",
            "klas", "studie", "locatie", "email", "bsn", "uitstroomprofiel", "startkwalificatie");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final Map<String, String> columns;

    MagisterStudentList(Map<String, String> configuredColumns) {
        Map<String, String> map = new HashMap<>();
        for (String field : FIELDS) {
            map.put(field, configuredColumns.getOrDefault(field, field).toLowerCase(Locale.ROOT));
        }
        this.columns = map;
    }

    /** Hands each valid student to {@code students} and each invalid row to {@code rejects}; returns the row count. */
    int read(Reader csv, Consumer<ParsedStudent> students, Consumer<QuarantineRecord> rejects) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
        int rows = 0;
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(csv)) {
            while (hasNext(it)) {
                rows++;
                Map<String, String> raw = it.next();
                Map<String, String> row = normalise(raw);
                try {
                    students.accept(student(row));
                } catch (IllegalArgumentException e) {
                    rejects.accept(new QuarantineRecord("STUDENT", keyOf(row, rows), value(row, "id"),
                            "student list row " + (rows + 1) + ": " + e.getMessage(), raw.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the student list could not be read as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static boolean hasNext(Iterator<?> it) {
        return it.hasNext();
    }

    /** A student, plus a problem with one of its fields that did not stop us from keeping the student. */
    record ParsedStudent(StudentRecord student, String fieldProblem) {
    }

    private ParsedStudent student(Map<String, String> row) {
        String id = value(row, "id");
        if (id == null) {
            throw new IllegalArgumentException("no student id in column '" + columns.get("id") + "'");
        }
        String problem = null;
        LocalDate birth = null;
        String rawBirth = value(row, "geb_datum");
        if (rawBirth != null) {
            try {
                birth = parseDate(rawBirth);
            } catch (DateTimeParseException e) {
                // keep the student: an unknown birth date means "duty status unknown", never a dropped alert
                problem = "birth date '" + rawBirth + "' is not a date (dd-MM-yyyy); kept with unknown birth date";
            }
        }
        String kwal = value(row, "startkwalificatie");
        Boolean startkwalificatie = kwal == null ? null
                : List.of("1", "j", "ja", "true", "y", "yes").contains(kwal.toLowerCase(Locale.ROOT));
        return new ParsedStudent(new StudentRecord(id, value(row, "stamnr"), value(row, "roepnaam"),
                value(row, "tussenv"), value(row, "achternaam"), birth, value(row, "klas"), value(row, "studie"),
                value(row, "locatie"), value(row, "email"), value(row, "bsn"), value(row, "uitstroomprofiel"),
                startkwalificatie), problem);
    }

    static LocalDate parseDate(String value) {
        String v = value.strip();
        if (v.length() >= 10 && v.charAt(4) == '-') {
            return LocalDate.parse(v.substring(0, 10));
        }
        String first = v.split("\\s")[0];
        return LocalDate.parse(first, DUTCH_DATE);
    }

    private String value(Map<String, String> row, String field) {
        String v = row.get(columns.get(field));
        return v == null || v.isBlank() ? null : v.strip();
    }

    private String keyOf(Map<String, String> row, int rowNumber) {
        String id = value(row, "id");
        return id != null ? id : "row-" + rowNumber + "-" + Integer.toHexString(row.hashCode());
    }

    private static Map<String, String> normalise(Map<String, String> raw) {
        Map<String, String> row = new HashMap<>();
        raw.forEach((k, v) -> row.put(k.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), v));
        return row;
    }
}
