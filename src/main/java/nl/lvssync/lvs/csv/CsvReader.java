package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (quoted fields, doubled quotes, separators and line breaks inside quotes, any line ending) and
 * knows the line each record starts on, so a report can name the exact line of a bad record. Blank lines are skipped.
 */
final class CsvReader {

    private final PushbackReader in;
    private final char separator;
    private int line = 1;
    private int recordLine;

    CsvReader(Reader in, char separator) {
        this.in = new PushbackReader(in, 2);
        this.separator = separator;
    }

    /** The line (1-based) on which the last record returned by {@link #next()} started. */
    int line() {
        return recordLine;
    }

    /** The next non-blank record, or null at the end. */
    List<String> next() throws IOException {
        while (true) {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (d != -1) {
                                in.unread(d);
                            }
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && peek() == '\n') {
                        in.read();
                    }
                    line++;
                    break;
                } else {
                    field.append((char) c);
                }
            }
            if (!any) {
                return null;
            }
            fields.add(field.toString());
            if (fields.size() > 1 || !fields.get(0).isBlank()) {
                return fields;
            }
        }
    }

    private int peek() throws IOException {
        int c = in.read();
        if (c != -1) {
            in.unread(c);
        }
        return c;
    }

    /** ';' or ',': whichever the header line has more of outside quotes (';' when equal, as Dutch exports use). */
    static char separatorOf(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r') && semicolons + commas > 0) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }
}
