package nl.lvssync.lvs.magister;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The student list copied to a temporary file as the bytes that came, so the HTTP response is not held open (or in
 * memory) while every student's lessons and absences are read, which takes hours for a large region; and so its
 * encoding can be decided on the whole of it. GetData answers UTF-8 (with or without BOM) or, with
 * {@code &Encoding=ANSI} layouts, Windows-1252: without a configured encoding, text that is not strictly valid UTF-8
 * is read as Windows-1252 (a 'ë' written as one byte is never valid UTF-8).
 */
final class SpooledStudentList {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private Charset detected;

    private SpooledStudentList(Path file) {
        this.file = file;
    }

    static SpooledStudentList spool(InputStream body) {
        try {
            Path file = Files.createTempFile("lvs-sync-students-", ".csv");
            try (InputStream in = body) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new SpooledStudentList(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The list as text in its encoding, without BOM.
     *
     * @param configured the school's {@code magister.encoding}: empty or {@code auto} to detect, {@code ANSI} for
     *                   Windows-1252, or a charset name
     */
    Reader open(String configured) throws IOException {
        Charset charset = charset(configured);
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] start = in.readNBytes(3);
            if (!java.util.Arrays.equals(start, UTF8_BOM)) {
                in.reset();
            }
        }
        return new InputStreamReader(in, charset);
    }

    /** The first characters of the list, for telling a student list from an error answer. */
    String head(String configured, int maxChars) throws IOException {
        try (Reader reader = open(configured)) {
            char[] buffer = new char[maxChars];
            int n = reader.read(buffer, 0, maxChars);
            return n <= 0 ? "" : new String(buffer, 0, n);
        }
    }

    Charset charset(String configured) throws IOException {
        String name = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "auto" -> detect();
            case "ansi", "cp1252", "windows-1252", "windows1252" -> WINDOWS_1252;
            default -> Charset.forName(configured.strip());
        };
    }

    private Charset detect() throws IOException {
        if (detected == null) {
            detected = decodesAsUtf8() ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return detected;
    }

    private boolean decodesAsUtf8() throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // only decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless; the OS cleans its temp folder
        }
    }
}
