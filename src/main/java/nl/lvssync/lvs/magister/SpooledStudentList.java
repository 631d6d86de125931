package nl.lvssync.lvs.magister;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The student list copied to a temporary file, so the HTTP response is not held open (or in memory) while
 * every student's lessons and absences are read, which takes hours for a large region.
 */
final class SpooledStudentList {

    private final Path file;

    private SpooledStudentList(Path file) {
        this.file = file;
    }

    static SpooledStudentList spool(Reader body) {
        try {
            Path file = Files.createTempFile("lvs-sync-students-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new SpooledStudentList(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reader open() throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless; the OS cleans its temp folder
        }
    }
}
