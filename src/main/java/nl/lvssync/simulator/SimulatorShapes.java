package nl.lvssync.simulator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the simulator shapes what it serves. The API is always shaped as live Magister schools answer (PascalCase
 * aanmeldingen, absences at local midnight, Status 7 lessons, Afspraak sometimes absent); the GetData student list
 * by default as the default layout, with the variants live layouts show switched on here.
 *
 * @param getDataEncoding       the student list's encoding: UTF-8, or windows-1252 as {@code &Encoding=ANSI} layouts
 * @param getDataLineEnding     what ends a line of the student list
 * @param repeatHeaderEvery     the header line again after every N students (0: once, at the top)
 * @param rowPerEnrolment       a student above the first year also has a row for last year's class, before this year's
 * @param upperCaseLayout       {@code ID;STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS} in place of the default columns
 * @param documentedAanmeldingen the older documented camelCase aanmeldingen in place of the live PascalCase ones
 */
public record SimulatorShapes(String getDataEncoding, LineEnding getDataLineEnding, int repeatHeaderEvery,
                              boolean rowPerEnrolment, boolean upperCaseLayout, boolean documentedAanmeldingen) {

    /** Line endings GetData answers with; {@code \r\r\n} comes from layouts exported on Windows twice over. */
    public enum LineEnding {
        CRLF("\r\n"), CRCRLF("\r\r\n"), LF("\n");

        final String text;

        LineEnding(String text) {
            this.text = text;
        }
    }

    public static final SimulatorShapes LIVE = new SimulatorShapes("UTF-8", LineEnding.CRLF, 0, false, false, false);

    public SimulatorShapes {
        getDataEncoding = getDataEncoding == null || getDataEncoding.isBlank() ? "UTF-8" : getDataEncoding.strip();
        getDataLineEnding = getDataLineEnding == null ? LineEnding.CRLF : getDataLineEnding;
        if (repeatHeaderEvery < 0) {
            throw new IllegalArgumentException("repeat-header-every cannot be negative");
        }
        Charset.forName(getDataEncoding);
    }

    /** Every GetData variant at once: Windows-1252, \r\r\n, the header every 5 students, a row per enrolment, upper case. */
    public static SimulatorShapes messiestGetData() {
        return new SimulatorShapes("windows-1252", LineEnding.CRCRLF, 5, true, true, false);
    }

    public SimulatorShapes withDocumentedAanmeldingen(boolean documented) {
        return new SimulatorShapes(getDataEncoding, getDataLineEnding, repeatHeaderEvery, rowPerEnrolment, upperCaseLayout,
                documented);
    }

    Charset charset() {
        return Charset.forName(getDataEncoding);
    }

    boolean utf8() {
        return charset().equals(StandardCharsets.UTF_8);
    }
}
