package nl.lvssync.opp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.lvssync.lvs.csv.CsvTable;
import nl.lvssync.lvs.csv.CsvValues;
import nl.lvssync.lvs.csv.ExportReport;

/**
 * An OPP export read line by line (lvs-apis.md, "OPP data"): one row per plan version, the spec's columns mapped by
 * the school's {@code opp.columns}, dates {@code dd-MM-yyyy} or ISO, read through the same table reader as the CSV
 * connector's exports. A line without a leerling_id, or with a status, date or version that cannot be read, is not
 * taken over and is named in the report; an empty cell is missing data and stays empty.
 */
record OppExport(List<Regel> regels, List<CsvTable.BadLine> bad, List<ExportReport.Warning> warnings, String charset,
                 char separator, int lines, String unreadable) {

    /** The spec's default columns, in order. */
    static final List<String> COLUMNS = List.of("leerling_id", "plan_id", "versie", "status", "opgesteld_op",
            "vastgesteld_op", "geevalueerd_op", "uitstroomprofiel", "uitstroombestemming", "onderbouwing",
            "beoogde_uitstroomdatum", "leerroute", "onderwijstraject", "vakkenpakket", "arrangement", "begeleiding", "coach",
            "beginsituatie_didactisch", "beginsituatie_leergedrag", "beginsituatie_sociaal_emotioneel",
            "bevorderende_factoren", "belemmerende_factoren", "instemming_ouders_op");

    static final List<String> UITSTROOMPROFIELEN = List.of("vervolgonderwijs", "arbeid", "dagbesteding");

    /** A good line: its number and the version it describes (versie null: the export numbers none). */
    record Regel(int line, Integer versie, OppVersie inhoud) {
    }

    static OppExport read(byte[] bytes, Map<String, String> columns, String encoding) {
        CsvTable table = CsvTable.read(bytes, encoding, COLUMNS, List.of("leerling_id"), columns);
        if (table.unreadable() != null) {
            return new OppExport(List.of(), List.of(), List.of(), table.charset(), table.separator(), table.lineCount(),
                    table.unreadable());
        }
        List<Regel> regels = new ArrayList<>();
        List<CsvTable.BadLine> bad = new ArrayList<>(table.bad());
        List<ExportReport.Warning> warnings = new ArrayList<>();
        for (CsvTable.Line line : table.lines()) {
            try {
                regels.add(regel(line, warnings));
            } catch (IllegalArgumentException e) {
                bad.add(new CsvTable.BadLine(line.number(), e.getMessage(), line.get("leerling_id"), line.text()));
            }
        }
        bad.sort(Comparator.comparingInt(CsvTable.BadLine::line));
        return new OppExport(regels, bad, warnings, table.charset(), table.separator(), table.lineCount(), null);
    }

    private static Regel regel(CsvTable.Line l, List<ExportReport.Warning> warnings) {
        String student = l.get("leerling_id");
        if (student == null) {
            throw new IllegalArgumentException("no leerling_id");
        }
        String profiel = l.get("uitstroomprofiel");
        if (profiel != null && !UITSTROOMPROFIELEN.contains(profiel.toLowerCase(Locale.ROOT))) {
            // kept as written: the plan has a profile, only not one of the three words; the school should fix it
            warnings.add(new ExportReport.Warning(l.number(), "uitstroomprofiel '" + profiel
                    + "' is not vervolgonderwijs, arbeid or dagbesteding; kept as written"));
        } else if (profiel != null) {
            profiel = profiel.toLowerCase(Locale.ROOT);
        }
        OppVersie v = new OppVersie(student, l.get("plan_id"), 0, OppStatus.parse(l.get("status")).orElse(null),
                date(l, "opgesteld_op"), date(l, "vastgesteld_op"), date(l, "geevalueerd_op"), profiel,
                l.get("uitstroombestemming"), l.get("onderbouwing"), date(l, "beoogde_uitstroomdatum"), l.get("leerroute"),
                l.get("onderwijstraject"), l.get("vakkenpakket"), l.get("arrangement"), l.get("begeleiding"), l.get("coach"),
                l.get("beginsituatie_didactisch"), l.get("beginsituatie_leergedrag"),
                l.get("beginsituatie_sociaal_emotioneel"), l.get("bevorderende_factoren"), l.get("belemmerende_factoren"),
                date(l, "instemming_ouders_op"), null);
        return new Regel(l.number(), versie(l.get("versie")), v);
    }

    private static LocalDate date(CsvTable.Line l, String column) {
        return CsvValues.date(column, l.get(column));
    }

    /** A version number as exports write it: 3, v3, V3 or 3.0; empty when the export numbers none. */
    static Integer versie(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replaceFirst("^[vV]\\s*", "").replaceFirst("\\.0+$", "");
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("versie '" + value + "' is not a version number");
        }
    }

    String report(String fileName, String school, java.time.Instant at) {
        return ExportReport.of(fileName, school, at, charset, separator, unreadable, regels.size(), bad, warnings);
    }

    boolean clean() {
        return unreadable == null && bad.isEmpty() && warnings.isEmpty();
    }
}
