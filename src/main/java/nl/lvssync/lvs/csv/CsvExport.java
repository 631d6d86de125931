package nl.lvssync.lvs.csv;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.lvssync.lvs.csv.CsvTable.BadLine;
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

    /** An absence line, placed on a lesson (if any) by the connector. */
    record Absence(String studentId, String id, LocalDate date, Integer lesuur, LocalTime begin, LocalTime end,
                   String code, String omschrijving, Boolean geoorloofd) {
    }

    /** A lesson line. */
    record Lesson(String studentId, String id, LocalDate date, Integer lesuur, LocalTime begin, LocalTime end,
                  String vak, boolean vervallen) {
    }

    /**
     * A students line: the student, and, where the export has those optional columns, the date they were enrolled
     * (inschrijfdatum) and their support profile.
     */
    record Student(StudentRecord student, LocalDate inschrijfdatum, String profiel) {

        /** The enrolment the line tells of, for the OPP rules; none without an enrolment date or profile. */
        java.util.Optional<nl.lvssync.sync.EnrolmentRecord> enrolment() {
            if (inschrijfdatum == null && profiel == null) {
                return java.util.Optional.empty();
            }
            StudentRecord s = student;
            return java.util.Optional.of(new nl.lvssync.sync.EnrolmentRecord(s.lvsId() + "/inschrijving", s.studie(),
                    s.klas(), null, null, null, inschrijfdatum, null, true, profiel, null, s.locatie()));
        }
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
        CsvTable table = CsvTable.read(bytes, encoding, kind.columns, kind.required, configuredColumns);
        if (table.unreadable() != null) {
            return new CsvExport(kind, List.of(), List.of(), table.charset(), table.separator(), table.lineCount(),
                    table.unreadable());
        }
        List<Row> rows = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>(table.bad());
        Function<Map<String, String>, Row> convert = converter(kind);
        for (CsvTable.Line line : table.lines()) {
            try {
                Row row = convert.apply(line.values());
                rows.add(new Row(line.number(), row.value(), row.warning()));
            } catch (IllegalArgumentException e) {
                bad.add(new BadLine(line.number(), e.getMessage(), line.get("leerling_id"), line.text()));
            }
        }
        bad.sort(java.util.Comparator.comparingInt(BadLine::line));
        return new CsvExport(kind, rows, bad, table.charset(), table.separator(), table.lineCount(), null);
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
        LocalDate enrolled = null;
        try {
            enrolled = CsvValues.date("inschrijfdatum", v.get("inschrijfdatum"));
        } catch (IllegalArgumentException e) {
            // kept: the OPP deadline then counts from the day we first saw the student
            warning = (warning == null ? "" : warning + "; ") + e.getMessage() + "; kept with unknown enrolment date";
        }
        return new Row(0, new Student(new StudentRecord(id, v.get("stamnr"), v.get("roepnaam"), v.get("tussenvoegsel"),
                v.get("achternaam"), birth, v.get("klas"), v.get("studie"), v.get("locatie"), v.get("email"), v.get("bsn"),
                null, null), enrolled, v.get("profiel")), warning);
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
        return ExportReport.of(fileName, school, at, charset, separator, unreadable, rows.size(), bad,
                rows.stream().filter(r -> r.warning() != null).map(r -> new ExportReport.Warning(r.line(), r.warning())).toList());
    }

    boolean clean() {
        return unreadable == null && bad.isEmpty() && rows.stream().allMatch(r -> r.warning() == null);
    }
}
