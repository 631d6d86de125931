package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.sql.DataSource;
import nl.lvssync.school.School;
import nl.lvssync.time.ClockConfig;
import org.apache.camel.Exchange;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conventions of a watched export folder, for every kind of export a school places (the CSV connector's
 * absences, students and lessons; the OPP export): {@code done/} and {@code error/} made inside it; a file read
 * only once it stopped changing for {@code min-age} or once its done file is there, never half-written; each
 * content (SHA-256) processed once, remembered in Camel's JDBC message id repository (table
 * {@code CAMEL_MESSAGEPROCESSED}, one processor name per folder); a file kept under a time-stamped name in
 * {@code done/}, or in {@code error/} with its report beside it; SFTP drops fetched into the folder first.
 */
@NamedInterface("csv")
public final class ExportFolder {

    /** The header a folder route puts each file's content hash in. */
    public static final String HASH = "LvsSyncContentHash";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS").withZone(ClockConfig.AMSTERDAM);

    private ExportFolder() {
    }

    /** The folder with done/ and error/ inside it, made by the service itself if it is not there. */
    public static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder.resolve("done"));
            Files.createDirectories(folder.resolve("error"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("the export folder " + folder + " cannot be made: " + e.getMessage(), e);
        }
    }

    /**
     * Camel's file endpoint for a watched folder: the files matching {@code antInclude} (case-insensitive), each read
     * once it has not changed for {@code minAge} (or its done file is there), removed from the folder once taken in
     * (the route keeps its own copy).
     */
    public static String fileUri(Path folder, String antInclude, Duration minAge, String doneFile, Duration pollDelay) {
        long age = Math.max(0, minAge.toMillis());
        long check = Math.max(100, Math.min(1000, age / 2));
        StringBuilder uri = new StringBuilder("file:").append(folder)
                .append("?antInclude=").append(antInclude).append("&antFilterCaseSensitive=false")
                .append("&readLock=changed&readLockCheckInterval=").append(check)
                .append("&readLockMinAge=").append(age)
                .append("&readLockTimeout=").append(age + Duration.ofSeconds(10).toMillis())
                .append("&delete=true&delay=").append(pollDelay.toMillis())
                .append("&initialDelay=500");
        if (doneFile != null) {
            uri.append("&doneFileName=").append(doneFileExpression(doneFile));
        }
        return uri.toString();
    }

    /** Camel's SFTP endpoint that fetches a drop's files (matching {@code antInclude}) for a watched folder. */
    public static String sftpUri(School.Sftp sftp, String antInclude, Duration minAge) {
        StringBuilder uri = new StringBuilder("sftp://").append(sftp.host()).append(':')
                .append(sftp.port() == null ? 22 : sftp.port()).append('/')
                .append(sftp.directory() == null ? "" : sftp.directory().replaceFirst("^/", ""))
                .append("?username=").append(sftp.username())
                .append("&antInclude=").append(antInclude).append("&antFilterCaseSensitive=false")
                .append("&binary=true&delete=true&readLock=changed&readLockMinAge=").append(minAge.toMillis())
                .append("&readLockCheckInterval=1000&readLockTimeout=").append(minAge.toMillis() + 20_000)
                .append("&delay=").append(sftp.delay() == null ? 60_000 : sftp.delay().toMillis())
                .append("&throwExceptionOnConnectFailed=true");
        if (sftp.password() != null) {
            uri.append("&password=RAW(").append(sftp.password()).append(')');
        }
        if (sftp.privateKeyFile() != null) {
            uri.append("&privateKeyFile=").append(sftp.privateKeyFile());
        }
        if (sftp.knownHostsFile() != null) {
            uri.append("&knownHostsFile=").append(sftp.knownHostsFile()).append("&strictHostKeyChecking=yes");
        } else {
            uri.append("&strictHostKeyChecking=no&useUserKnownHostsFile=false");
        }
        return uri.toString();
    }

    /** Where an SFTP route writes what it fetched: under a name the folder route ignores, then renamed. */
    public static String sftpTarget(Path folder) {
        return "file:" + folder + "?tempFileName=.incoming-${file:onlyname}"
                + "&fileName=${file:onlyname.noext}-sftp-${date:now:yyyyMMddHHmmssSSS}.${file:ext}";
    }

    /**
     * The done-file setting in Camel's terms: {@code {name}} and {@code {name.noext}} (written so, because Spring would
     * resolve a {@code ${…}} in the configuration itself) become {@code ${file:name}} and {@code ${file:name.noext}}.
     */
    public static String doneFileExpression(String setting) {
        return setting.replace("{name.noext}", "${file:name.noext}").replace("{name}", "${file:name}")
                .replace("$${", "${");
    }

    /** The done file a file waits for, or null when the setting names none that can be worked out here. */
    public static Path doneFileOf(String setting, Path file) {
        String name = file.getFileName().toString();
        String done = doneFileExpression(setting)
                .replace("${file:name.noext}", name.replaceFirst("\\.[^.]*$", "")).replace("${file:name}", name);
        return done.contains("${") ? null : file.resolveSibling(done);
    }

    /** What a folder's route does with a complete file: take in new content, or keep content it has seen before. */
    @NamedInterface("csv")
    public interface Inbox {
        void accept(Path file, String hash);

        void duplicate(Path file, String hash);
    }

    /**
     * The route of one watched folder: each file's content hash, the idempotent consumer on it, and the inbox. Camel's
     * file endpoint removes the file once the inbox returns; an inbox that fails leaves it for the next poll.
     */
    public static void watch(RouteBuilder routes, String fileUri, String routeId, boolean autoStartup,
                             IdempotentRepository processed, Inbox inbox) {
        routes.from(fileUri)
                .routeId(routeId)
                .autoStartup(autoStartup)
                .process(e -> e.getIn().setHeader(HASH, sha256(e.getIn().getBody(byte[].class))))
                .idempotentConsumer(Builder.header(HASH)).idempotentRepository(processed).skipDuplicate(false)
                    .choice()
                        .when(Builder.exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(e -> inbox.duplicate(path(e), e.getIn().getHeader(HASH, String.class)))
                        .otherwise()
                            .process(e -> inbox.accept(path(e), e.getIn().getHeader(HASH, String.class)))
                    .end()
                .end();
    }

    private static Path path(Exchange e) {
        return Path.of(e.getIn().getHeader(Exchange.FILE_PATH, String.class));
    }

    /** The contents already processed from one folder ({@code processorName}), in the shared JDBC repository. */
    public static JdbcMessageIdRepository processed(DataSource dataSource, TransactionTemplate tx, String processorName) {
        JdbcMessageIdRepository processed = new JdbcMessageIdRepository(dataSource, tx, processorName);
        processed.setCreateTableIfNotExists(false);
        return processed;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Keeps a file taken in: in {@code done/} when every line was taken over, else in {@code error/} with the report
     * beside it ({@code <stored name>.report.txt}). The stored name starts with the time it was taken in.
     *
     * @param report the report, or null for a clean file
     * @return where the file is kept
     */
    public static Path keep(Path folder, String fileName, byte[] bytes, String report, Instant at) {
        String stored = STAMP.format(at) + "-" + fileName;
        Path target = unique(folder.resolve(report == null ? "done" : "error").resolve(stored));
        write(target, bytes);
        if (report != null) {
            write(target.resolveSibling(target.getFileName() + ".report.txt"), report.getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
