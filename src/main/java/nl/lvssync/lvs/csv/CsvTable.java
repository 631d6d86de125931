package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * An export file as a table of named cells, read as schools deliver exports: UTF-8 with or without BOM or
 * Windows-1252 ({@link CsvText}), {@code ;} or {@code ,} ({@link CsvReader}), a header row whose column names the
 * school may map by configuration (our field -> their column, case-insensitive), a header repeated inside the data
 * skipped, blank cells empty (null). Each line keeps its number, so a report names the exact line of a bad one. The
 * absence, student and lesson exports and the OPP export read their files through this one reader.
 *
 * @param lines      the lines with as many cells as the header (or fewer), by our field names
 * @param bad        the lines that could not be split into the header's columns
 * @param lineCount  the number of the last line read
 * @param unreadable why no line of the file can be read (no header, a required column missing), or null
 */
@NamedInterface("csv")
public record CsvTable(List<Line> lines, List<BadLine> bad, String charset, char separator, int lineCount,
                       String unreadable) {

    /** A line of the file: its number, its cells by our field names (null where empty), and its text. */
    @NamedInterface("csv")
    public record Line(int number, Map<String, String> values, String text) {

        public String get(String field) {
            return values.get(field);
        }
    }

    /** A line not taken over: its number, why, the student it names (if any), and its text. */
    @NamedInterface("csv")
    public record BadLine(int line, String reason, String studentId, String text) {
    }

    /**
     * @param fields     our fields, in the order of the default columns; a field is looked up under its configured
     *                   column name, else its own name
     * @param required   fields without which no line of the file can be read
     * @param configured our field -> the school's column name, where they differ
     * @param encoding   {@code auto}, {@code ANSI}/{@code windows-1252} or a charset name
     */
    public static CsvTable read(byte[] bytes, String encoding, List<String> fields, List<String> required,
                                Map<String, String> configured) {
        CsvText text = CsvText.decode(bytes, encoding);
        String charset = text.charset().name() + (text.bom() ? " (BOM)" : "");
        char separator = CsvReader.separatorOf(text.text());
        CsvReader reader = new CsvReader(new StringReader(text.text()), separator);
        try {
            List<String> header = reader.next();
            if (header == null) {
                return unreadable(charset, separator, 0, "the file is empty: a header row is required");
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String field : fields) {
                String column = configured.getOrDefault(field, field).strip().toLowerCase(Locale.ROOT);
                int i = names.indexOf(column);
                if (i >= 0) {
                    index.put(field, i);
                } else if (required.contains(field)) {
                    return unreadable(charset, separator, reader.line(), "the header (line " + reader.line()
                            + ") has no column '" + column + "'" + (column.equals(field) ? "" : " (for " + field + ")")
                            + "; it has: " + String.join(String.valueOf(separator), header));
                }
            }
            List<Line> lines = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            int last = reader.line();
            for (List<String> next = reader.next(); next != null; next = reader.next()) {
                List<String> cells = next;
                int line = reader.line();
                last = line;
                if (cells.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(names)) {
                    continue;  // the header repeated inside the data
                }
                Map<String, String> values = new HashMap<>();
                index.forEach((field, i) -> {
                    String v = i < cells.size() ? cells.get(i).strip() : "";
                    values.put(field, v.isEmpty() ? null : v);
                });
                String raw = String.join(String.valueOf(separator), cells);
                if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(f -> !f.isBlank())) {
                    bad.add(new BadLine(line, "has " + cells.size() + " fields where the header has " + header.size()
                            + " (a value with the separator in it must be quoted)", values.get("leerling_id"), raw));
                    continue;
                }
                lines.add(new Line(line, values, raw));
            }
            return new CsvTable(lines, bad, charset, separator, last, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvTable unreadable(String charset, char separator, int lines, String why) {
        return new CsvTable(List.of(), List.of(), charset, separator, lines, why);
    }
}
