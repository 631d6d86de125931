package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.lvssync.sync.StudentRecord;

/**
 * One export file read line by line into our records: the good lines, and each bad line with its number and why.
 * A file that cannot be read at all (no header, a required column missing) says so in {@link #unreadable()}.
 */
record CsvExport(CsvKind kind, List<Row> rows, List<BadLine> bad, String charset, char separator, int lines,
                 String unreadable) {

    /** A good line: its number, what it says, and a problem with a field that did not stop us keeping it. */
    record Row(int line, Object value, String warning) {
    }

    record BadLine(int line, String reason, String studentId, String text) {
    }

    /** An absence line, placed on a lesson (if any) by the connector. */
    record Absence(String studentId, String id, LocalDate date, Integer lesuur, LocalTime begin, LocalTime end,
                   String code, String omschrijving, Boolean geoorloofd) {
    }

    /** A lesson line. */
    record Lesson(String studentId, String id, LocalDate date, Integer lesuur, LocalTime begin, LocalTime end,
                  String vak, boolean vervallen) {
    }

    /** A students line: the student, and a field problem (kept with an unknown birth date). */
    record Student(StudentRecord student) {
    }

    /** The first and last date of the good lines: the window an absence or lessons export is a snapshot of. */
    LocalDate from() {
        return rows.stream().map(r -> date(r.value())).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    LocalDate to() {
        return rows.stream().map(r -> date(r.value())).filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate date(Object value) {
        return value instanceof Absence a ? a.date() : value instanceof Lesson l ? l.date() : null;
    }

    static CsvExport read(CsvKind kind, byte[] bytes, Map<String, String> configuredColumns, String encoding) {
        CsvText text = CsvText.decode(bytes, encoding);
        char separator = CsvReader.separatorOf(text.text());
        CsvReader reader = new CsvReader(new StringReader(text.text()), separator);
        try {
            List<String> header = reader.next();
            if (header == null) {
                return unreadable(kind, text, separator, 0, "the file is empty: a header row is required");
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String field : kind.columns) {
                String column = configuredColumns.getOrDefault(field, field).strip().toLowerCase(Locale.ROOT);
                int i = names.indexOf(column);
                if (i >= 0) {
                    index.put(field, i);
                } else if (kind.required.contains(field)) {
                    return unreadable(kind, text, separator, reader.line(), "the header (line " + reader.line()
                            + ") has no column '" + column + "'" + (column.equals(field) ? "" : " (for " + field + ")")
                            + "; it has: " + String.join(String.valueOf(separator), header));
                }
            }
            List<Row> rows = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            Function<Map<String, String>, Row> convert = converter(kind);
            int lines = reader.line();
            for (List<String> next = reader.next(); next != null; next = reader.next()) {
                List<String> fields = next;
                int line = reader.line();
                lines = line;
                if (fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(names)) {
                    continue;  // the header repeated inside the data
                }
                Map<String, String> values = new HashMap<>();
                index.forEach((field, i) -> {
                    String v = i < fields.size() ? fields.get(i).strip() : "";
                    values.put(field, v.isEmpty() ? null : v);
                });
                String raw = String.join(String.valueOf(separator), fields);
                if (fields.size() > header.size() && fields.subList(header.size(), fields.size()).stream().anyMatch(f -> !f.isBlank())) {
                    bad.add(new BadLine(line, "has " + fields.size() + " fields where the header has " + header.size()
                            + " (a value with the separator in it must be quoted)", values.get("leerling_id"), raw));
                    continue;
                }
                try {
                    Row row = convert.apply(values);
                    rows.add(new Row(line, row.value(), row.warning()));
                } catch (IllegalArgumentException e) {
                    bad.add(new BadLine(line, e.getMessage(), values.get("leerling_id"), raw));
                }
            }
            return new CsvExport(kind, rows, bad, text.charset().name() + (text.bom() ? " (BOM)" : ""), separator, lines, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvExport unreadable(CsvKind kind, CsvText text, char separator, int lines, String why) {
        return new CsvExport(kind, List.of(), List.of(), text.charset().name(), separator, lines, why);
    }

    private static Function<Map<String, String>, Row> converter(CsvKind kind) {
        return switch (kind) {
            case STUDENTS -> CsvExport::student;
            case ABSENCES -> CsvExport::absence;
            case LESSONS -> CsvExport::lesson;
        };
    }

    private static String required(Map<String, String> v, String field) {
        String value = v.get(field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static Row student(Map<String, String> v) {
        String id = required(v, "leerling_id");
        String warning = null;
        LocalDate birth = null;
        try {
            birth = CsvValues.date("geboortedatum", v.get("geboortedatum"));
        } catch (IllegalArgumentException e) {
            // kept: an unknown birth date means "duty status unknown", never a dropped alert
            warning = e.getMessage() + "; kept with unknown birth date";
        }
        return new Row(0, new Student(new StudentRecord(id, v.get("stamnr"), v.get("roepnaam"), v.get("tussenvoegsel"),
                v.get("achternaam"), birth, v.get("klas"), v.get("studie"), v.get("locatie"), v.get("email"), v.get("bsn"),
                null, null)), warning);
    }

    private static Row absence(Map<String, String> v) {
        String student = required(v, "leerling_id");
        LocalDate date = CsvValues.date("datum", required(v, "datum"));
        Integer lesuur = CsvValues.integer("lesuur", v.get("lesuur"));
        LocalTime begin = CsvValues.time("begintijd", v.get("begintijd"));
        LocalTime end = CsvValues.time("eindtijd", v.get("eindtijd"));
        if (begin != null && end != null && end.isBefore(begin)) {
            throw new IllegalArgumentException("eindtijd " + end + " lies before begintijd " + begin);
        }
        String id = v.get("absentie_id");
        if (id == null) {
            // no id in the export: one made of what identifies the registration, the same in every export
            id = student + "/" + date + "/" + (lesuur != null ? "u" + lesuur : begin != null ? begin.toString() : "dag");
        }
        return new Row(0, new Absence(student, id, date, lesuur, begin, end, v.get("code"), v.get("omschrijving"),
                CsvValues.bool("geoorloofd", v.get("geoorloofd"))), null);
    }

    private static Row lesson(Map<String, String> v) {
        String student = required(v, "leerling_id");
        LocalDate date = CsvValues.date("datum", required(v, "datum"));
        Integer lesuur = CsvValues.integer("lesuur", v.get("lesuur"));
        LocalTime begin = CsvValues.time("begintijd", required(v, "begintijd"));
        LocalTime end = CsvValues.time("eindtijd", required(v, "eindtijd"));
        if (end.isBefore(begin)) {
            throw new IllegalArgumentException("eindtijd " + end + " lies before begintijd " + begin);
        }
        String id = v.get("les_id");
        if (id == null) {
            id = date + "/" + (lesuur != null ? "u" + lesuur : begin.toString());
        }
        Boolean vervallen = CsvValues.bool("vervallen", v.get("vervallen"));
        return new Row(0, new Lesson(student, id, date, lesuur, begin, end, v.get("vak"), Boolean.TRUE.equals(vervallen)), null);
    }

    /** The report placed beside a file with bad lines (or none readable). */
    String report(String fileName, String school, java.time.Instant at) {
        StringBuilder s = new StringBuilder();
        s.append("LVS Sync: ").append(fileName).append(" (school ").append(school).append("), read ").append(at).append('\n');
        if (unreadable != null) {
            s.append("The file could not be read: ").append(unreadable).append("\nNothing of it was taken over.\n");
            return s.toString();
        }
        s.append("Encoding ").append(charset).append(", separator '").append(separator).append("': ")
                .append(rows.size()).append(" line(s) taken over, ").append(bad.size()).append(" not.\n");
        if (!bad.isEmpty()) {
            s.append("\nLines not taken over:\n");
            bad.forEach(b -> s.append("line ").append(b.line()).append(": ").append(b.reason()).append("\n    ")
                    .append(b.text()).append('\n'));
        }
        List<Row> warned = rows.stream().filter(r -> r.warning() != null).toList();
        if (!warned.isEmpty()) {
            s.append("\nLines taken over with a problem:\n");
            warned.forEach(r -> s.append("line ").append(r.line()).append(": ").append(r.warning()).append('\n'));
        }
        return s.toString();
    }

    boolean clean() {
        return unreadable == null && bad.isEmpty() && rows.stream().allMatch(r -> r.warning() == null);
    }
}
