package nl.lvssync.lvs.csv;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The report placed beside an export that was not taken over whole ({@code <stored name>.report.txt} in
 * {@code error/}): how the file was read, and each line not taken over, or taken over with a problem, by number
 * and why. The school's administrator fixes the export from it.
 */
@NamedInterface("csv")
public final class ExportReport {

    /** A line taken over with a problem that did not stop us keeping it. */
    @NamedInterface("csv")
    public record Warning(int line, String text) {
    }

    private ExportReport() {
    }

    /**
     * @param unreadable why nothing of the file could be read, or null
     * @param taken      the number of lines taken over
     */
    public static String of(String fileName, String school, Instant at, String charset, char separator, String unreadable,
                            int taken, List<CsvTable.BadLine> bad, List<Warning> warnings) {
        StringBuilder s = new StringBuilder();
        s.append("LVS Sync: ").append(fileName).append(" (school ").append(school).append("), read ").append(at).append('\n');
        if (unreadable != null) {
            s.append("The file could not be read: ").append(unreadable).append("\nNothing of it was taken over.\n");
            return s.toString();
        }
        s.append("Encoding ").append(charset).append(", separator '").append(separator).append("': ")
                .append(taken).append(" line(s) taken over, ").append(bad.size()).append(" not.\n");
        if (!bad.isEmpty()) {
            s.append("\nLines not taken over:\n");
            bad.forEach(b -> s.append("line ").append(b.line()).append(": ").append(b.reason()).append("\n    ")
                    .append(b.text()).append('\n'));
        }
        if (!warnings.isEmpty()) {
            s.append("\nLines taken over with a problem:\n");
            warnings.forEach(w -> s.append("line ").append(w.line()).append(": ").append(w.text()).append('\n'));
        }
        return s.toString();
    }
}
