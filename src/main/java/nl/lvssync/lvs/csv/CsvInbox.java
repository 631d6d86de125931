package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.school.School;
import nl.lvssync.sync.SyncWanted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes in one complete export file from a school's watched folder: reads it line by line, keeps a copy in
 * {@code done/} (every line good) or {@code error/} with a report beside it naming each bad line and why, records it
 * as waiting for a run, and asks for that run. The good lines of a file with bad ones still land.
 */
@Component
class CsvInbox {

    private static final Logger log = LoggerFactory.getLogger(CsvInbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS").withZone(ClockConfig.AMSTERDAM);

    private final CsvExports exports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean requestRuns;

    CsvInbox(CsvExports exports, ApplicationEventPublisher events, Clock clock, CsvProperties properties) {
        this.exports = exports;
        this.events = events;
        this.clock = clock;
        this.requestRuns = properties.runOnArrival();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A file whose content was not processed before. */
    void accept(School school, Path file, String hash) {
        String name = file.getFileName().toString();
        CsvKind kind = CsvKind.ofFileName(name).orElseThrow(() -> new IllegalArgumentException(name + " is no export"));
        byte[] bytes = read(file);
        CsvExport export = CsvExport.read(kind, bytes, school.csv().columns().getOrDefault(kind.configKey, Map.of()),
                school.csv().encoding());
        Instant at = clock.instant();
        Path folder = school.csvFolder();
        String stored = STAMP.format(at) + "-" + name;
        Path target = unique(folder.resolve(export.clean() ? "done" : "error").resolve(stored));
        write(target, bytes);
        if (!export.clean()) {
            write(target.resolveSibling(stored + ".report.txt"), export.report(name, school.id(), at).getBytes(StandardCharsets.UTF_8));
        }
        boolean usable = export.unreadable() == null && !(export.rows().isEmpty() && !export.bad().isEmpty());
        exports.record(school.id(), kind, name, target.toString(), hash, at,
                usable ? CsvExports.Status.PENDING : CsvExports.Status.REJECTED, export);
        if (export.unreadable() != null) {
            log.warn("School {}: export {} could not be read ({}); moved to {}", school.id(), name, export.unreadable(), target);
        } else {
            log.info("School {}: export {} taken in: {} line(s), {} bad{}; kept as {}", school.id(), name, export.rows().size(),
                    export.bad().size(), export.clean() ? "" : " (report beside it)", target);
        }
        if (usable) {
            requestRun(school);
        }
    }

    /** A file whose content was processed before: kept in done/ and nothing else, unless we never recorded it. */
    void duplicate(School school, Path file, String hash) {
        if (!exports.known(school.id(), hash)) {
            // the content key was stored but the export was not (the service stopped in between): take it in now
            accept(school, file, hash);
            return;
        }
        Path target = unique(school.csvFolder().resolve("done").resolve(STAMP.format(clock.instant()) + "-" + file.getFileName()));
        write(target, read(file));
        log.info("School {}: export {} has the same content as one processed before; kept as {} and not read again",
                school.id(), file.getFileName(), target);
    }

    void requestRun(School school) {
        if (requestRuns) {
            events.publishEvent(new SyncWanted(school.id(), "FILE"));
        }
    }

    /** The path, or with -2, -3 … before the extension when a kept file already has that name. */
    private static Path unique(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path candidate = path;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = path.resolveSibling(dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot));
        }
        return candidate;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written under a temporary name and moved into place, so nothing ever sees half a copy. */
    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
