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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.lvssync.lvs.LvsRequestException;
import nl.lvssync.lvs.TransientLvsException;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.StudentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the GetData CSV student list (';'-separated, header row, the school's own layout) as live layouts deliver
 * it: any line ending ({@code \r\r\n} too), the header repeated inside the data (skipped), and one row per enrolment
 * (the rows of one student are one student, read once). Columns are mapped by configuration (our field → the
 * layout's column name); where a field is not configured, the common names of live layouts are tried
 * ({@code STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS}, see config/magister-layouts.example.yml).
 */
final class MagisterStudentList {

    private static final Logger log = LoggerFactory.getLogger(MagisterStudentList.class);

    static final List<String> FIELDS = List.of("id", "stamnr", "roepnaam", "tussenv", "achternaam", "geb_datum",
            "klas", "studie", "locatie", "email", "bsn", "uitstroomprofiel", "startkwalificatie", "begin", "einde");
    /** Column names live layouts use for our fields, tried in order after the configured one. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("id", List.of("id", "persoon_id", "persoonid", "idpersoon")),
            Map.entry("stamnr", List.of("stamnr", "stamnummer", "leerlingnummer", "stamnr_str")),
            Map.entry("roepnaam", List.of("roepnaam", "firstname", "voornaam", "first_name")),
            Map.entry("tussenv", List.of("tussenv", "tussenvoegsel", "prefix", "tussenvoegsels")),
            Map.entry("achternaam", List.of("achternaam", "lastname", "last_name")),
            Map.entry("geb_datum", List.of("geb_datum", "geboortedatum", "birthdate", "birth_date", "gebdatum")),
            Map.entry("klas", List.of("klas", "class", "stamklas", "groep")),
            Map.entry("studie", List.of("studie", "study", "opleiding")),
            Map.entry("locatie", List.of("locatie", "location", "vestiging")),
            Map.entry("email", List.of("email", "e-mail", "emailadres", "mail")),
            Map.entry("bsn", List.of("bsn", "sofinummer")),
            Map.entry("uitstroomprofiel", List.of("uitstroomprofiel")),
            Map.entry("startkwalificatie", List.of("startkwalificatie")),
            // a layout that joins enrolments may give each row's period: it decides which row's class is current
            Map.entry("begin", List.of("begin", "begindatum", "startdatum", "datum_begin", "start")),
            Map.entry("einde", List.of("einde", "einddatum", "datum_einde", "eind")));
    /** GetData answers an error as text with these words instead of CSV. */
    private static final Pattern ERROR_ANSWER = Pattern.compile("\\bFout(_?nummer|_?omschrijving)?\\b|ResultMessage",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.ALLOW_TRAILING_COMMA).build();

    private final Map<String, String> configured;
    private final LocalDate today;

    MagisterStudentList(Map<String, String> configuredColumns, LocalDate today) {
        this.today = today;
        Map<String, String> map = new HashMap<>();
        configuredColumns.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                map.put(field.strip().toLowerCase(Locale.ROOT), normaliseName(column));
            }
        });
        this.configured = map;
    }

    /**
     * Refuses an answer that is no student list: an error text (Fout, ResultMessage, Fout_nummer) as a definite error
     * with the LVS's message, an HTML page as a passing fault, anything else without the id column as a definite error.
     *
     * @param head the first characters of the answer
     */
    void check(String head) {
        String firstLine = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (columns(split(firstLine)).containsKey("id")) {
            return;
        }
        String text = head.strip();
        if (text.isEmpty()) {
            throw new LvsRequestException(200, "Magister GetData answered an empty student list (not even a header)");
        }
        if (ERROR_ANSWER.matcher(text).find()) {
            throw new LvsRequestException(200, "Magister GetData answered an error instead of the student list: "
                    + abbreviate(text));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            throw new TransientLvsException("Magister GetData answered an HTML page instead of the student list: "
                    + abbreviate(text));
        }
        throw new LvsRequestException(200, "the Magister student list has no column for the student id ("
                + describe("id") + "); its header is: " + abbreviate(firstLine));
    }

    /**
     * Hands each student to {@code students} once, rows of the same student merged, and each invalid row to
     * {@code rejects}; returns the number of data rows read.
     */
    int read(Reader csv, Consumer<ParsedStudent> students, Consumer<QuarantineRecord> rejects) {
        CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withColumnSeparator(';');
        Map<String, ParsedStudent> byId = new LinkedHashMap<>();
        int rows = 0;
        int merged = 0;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(csv)) {
            List<String> header = null;
            Map<String, Integer> index = null;
            int line = 0;
            while (it.hasNext()) {
                String[] cells = it.next();
                line++;
                if (header == null) {
                    header = split(cells);
                    index = columns(header);
                    if (!index.containsKey("id")) {
                        throw new LvsRequestException(200, "the Magister student list has no column for the student id ("
                                + describe("id") + "); its header is: " + String.join(";", header));
                    }
                    continue;
                }
                if (isBlank(cells)) {
                    continue;
                }
                Map<String, String> row = row(cells, index);
                if (isHeader(cells, header)) {
                    continue;
                }
                rows++;
                try {
                    ParsedStudent parsed = student(row, index);
                    ParsedStudent earlier = byId.get(parsed.student().lvsId());
                    if (earlier != null) {
                        merged++;
                    }
                    byId.put(parsed.student().lvsId(), earlier == null ? parsed : earlier.merge(parsed, today));
                } catch (IllegalArgumentException e) {
                    rejects.accept(new QuarantineRecord("STUDENT", keyOf(row, line), row.get("id"),
                            "student list line " + line + ": " + e.getMessage(), String.join(";", cells)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the student list could not be read as CSV: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("the student list could not be read as CSV: " + io.getMessage(), io);
            }
            throw e;
        }
        if (merged > 0) {
            log.info("The student list has {} row(s) for students already read (one row per enrolment): merged", merged);
        }
        byId.values().forEach(students);
        return rows;
    }

    /**
     * A student, plus a problem with one of its fields that did not stop us from keeping the student, and the period
     * of the enrolment its row stands for (when the layout gives one).
     */
    record ParsedStudent(StudentRecord student, String fieldProblem, LocalDate begin, LocalDate end) {

        ParsedStudent(StudentRecord student, String fieldProblem) {
            this(student, fieldProblem, null, null);
        }

        /**
         * Another row of the same student (one row per enrolment). Who the student is comes from the first row that
         * says it; the class, study and location from the row of the current enrolment: the one whose period holds
         * today, else the one that began last, else (no periods) the later row, as joined layouts list them in order.
         */
        ParsedStudent merge(ParsedStudent other, LocalDate today) {
            StudentRecord a = student;
            StudentRecord b = other.student;
            boolean otherCurrent = other.isCurrentRather(this, today);
            StudentRecord enrolment = otherCurrent ? b : a;
            StudentRecord fallback = otherCurrent ? a : b;
            return new ParsedStudent(new StudentRecord(a.lvsId(), or(a.stamnr(), b.stamnr()), or(a.roepnaam(), b.roepnaam()),
                    or(a.tussenvoegsel(), b.tussenvoegsel()), or(a.achternaam(), b.achternaam()),
                    a.birthDate() != null ? a.birthDate() : b.birthDate(), or(enrolment.klas(), fallback.klas()),
                    or(enrolment.studie(), fallback.studie()), or(enrolment.locatie(), fallback.locatie()),
                    or(a.email(), b.email()), or(a.bsn(), b.bsn()), or(a.uitstroomprofiel(), b.uitstroomprofiel()),
                    a.startkwalificatie() != null ? a.startkwalificatie() : b.startkwalificatie()),
                    a.birthDate() != null || b.birthDate() != null ? null : fieldProblem != null ? fieldProblem : other.fieldProblem,
                    otherCurrent ? other.begin : begin, otherCurrent ? other.end : end);
        }

        private boolean isCurrentRather(ParsedStudent than, LocalDate today) {
            boolean mine = holds(today);
            boolean theirs = than.holds(today);
            if (mine != theirs) {
                return mine;
            }
            if (begin != null && than.begin != null) {
                return !begin.isBefore(than.begin);
            }
            return begin != null || than.begin == null;
        }

        private boolean holds(LocalDate day) {
            return begin != null && !day.isBefore(begin) && (end == null || !day.isAfter(end));
        }

        private static String or(String a, String b) {
            return a != null ? a : b;
        }
    }

    /** Our field → its column's position, for the fields this header has. */
    private Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (String field : FIELDS) {
            String own = configured.get(field);
            List<String> candidates = own != null ? List.of(own) : ALIASES.getOrDefault(field, List.of(field));
            for (String c : candidates) {
                Integer at = positions.get(c);
                if (at != null) {
                    index.put(field, at);
                    break;
                }
            }
        }
        if (!index.containsKey("id") && !configured.containsKey("id") && index.containsKey("stamnr")) {
            // a layout without the person id: the stamnummer is the only key it has; say so, it must be the API's id
            log.warn("The Magister student list has no person id column ({}); the stamnummer column is used as the"
                    + " student id: map 'id' under magister.columns if the layout has the person id", describe("id"));
            index.put("id", index.get("stamnr"));
        }
        return index;
    }

    private String describe(String field) {
        String own = configured.get(field);
        return own != null ? "configured: '" + own + "'" : "tried: " + String.join(", ", ALIASES.get(field));
    }

    private static List<String> split(String line) {
        return split(line.split(";", -1));
    }

    private static List<String> split(String[] cells) {
        List<String> names = new ArrayList<>(cells.length);
        for (String c : cells) {
            names.add(normaliseName(c));
        }
        return names;
    }

    private static String normaliseName(String name) {
        String n = name == null ? "" : name.replace("\uFEFF", "").strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).strip();
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The header line repeated inside the data: every cell is its column's name. */
    private static boolean isHeader(String[] cells, List<String> header) {
        int same = 0;
        for (int i = 0; i < cells.length && i < header.size(); i++) {
            String cell = normaliseName(cells[i]);
            if (!cell.isEmpty() && !cell.equals(header.get(i))) {
                return false;
            }
            same += cell.isEmpty() ? 0 : 1;
        }
        return same > 0;
    }

    private static Map<String, String> row(String[] cells, Map<String, Integer> index) {
        Map<String, String> row = new HashMap<>();
        index.forEach((field, at) -> {
            String v = at < cells.length ? cells[at] : null;
            if (v != null && !v.isBlank()) {
                row.put(field, v.strip());
            }
        });
        return row;
    }

    private ParsedStudent student(Map<String, String> row, Map<String, Integer> index) {
        String id = row.get("id");
        if (id == null) {
            throw new IllegalArgumentException("no student id in its column");
        }
        String problem = null;
        LocalDate birth = null;
        String rawBirth = row.get("geb_datum");
        if (rawBirth != null) {
            try {
                birth = parseDate(rawBirth);
            } catch (DateTimeParseException e) {
                // keep the student: an unknown birth date means "duty status unknown", never a dropped alert
                problem = "birth date '" + rawBirth + "' is not a date (dd-MM-yyyy); kept with unknown birth date";
            }
        }
        String kwal = row.get("startkwalificatie");
        Boolean startkwalificatie = kwal == null ? null
                : List.of("1", "j", "ja", "true", "y", "yes").contains(kwal.toLowerCase(Locale.ROOT));
        return new ParsedStudent(new StudentRecord(id, row.get("stamnr"), row.get("roepnaam"), row.get("tussenv"),
                row.get("achternaam"), birth, row.get("klas"), row.get("studie"), row.get("locatie"), row.get("email"),
                row.get("bsn"), row.get("uitstroomprofiel"), startkwalificatie), problem, optionalDate(row.get("begin")),
                optionalDate(row.get("einde")));
    }

    /** A period's date; one that cannot be read only means that row's period is unknown. */
    private static LocalDate optionalDate(String value) {
        try {
            return value == null ? null : parseDate(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate parseDate(String value) {
        String v = value.strip();
        if (v.length() >= 10 && v.charAt(4) == '-') {
            return LocalDate.parse(v.substring(0, 10));
        }
        String first = v.split("\\s")[0];
        return LocalDate.parse(first, DUTCH_DATE);
    }

    private static String keyOf(Map<String, String> row, int line) {
        String id = row.get("id");
        return id != null ? id : "line-" + line + "-" + Integer.toHexString(row.hashCode());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
    }
}
