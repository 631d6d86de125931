package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One route per CSV school watching its folder with Camel's file component: a file is read only once it has stopped
 * changing for {@code csv.min-age} (or, with {@code csv.done-file}, once its done file is there), so a file still
 * being written is never read; the idempotent consumer keeps each content (SHA-256) in a JDBC repository, so the same
 * file dropped twice is read once. Exports that arrive by SFTP ({@code csv.sftp}) are fetched into the same folder.
 */
@Component
public class CsvFolderRoutes extends RouteBuilder {

    static final String HASH = "LvsSyncContentHash";
    private static final Logger log = LoggerFactory.getLogger(CsvFolderRoutes.class);

    private final SchoolDirectory schools;
    private final CsvInbox inbox;
    private final CsvProperties properties;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    CsvFolderRoutes(SchoolDirectory schools, CsvInbox inbox, CsvProperties properties, DataSource dataSource,
                    TransactionTemplate tx) {
        this.schools = schools;
        this.inbox = inbox;
        this.properties = properties;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    static String routeId(School school) {
        return "csv-folder-" + school.id();
    }

    @Override
    public void configure() {
        for (School school : schools.all()) {
            if (school.kind() != Lvs.CSV) {
                continue;
            }
            Path folder;
            try {
                folder = prepare(school.csvFolder());
            } catch (UncheckedIOException e) {
                // one school's unusable folder must not stop the others: its runs fail and its health says DOWN
                log.error("School {}: {}; its folder is not watched", school.id(), e.getMessage());
                continue;
            }
            JdbcMessageIdRepository processed = new JdbcMessageIdRepository(dataSource, tx, "csv-" + school.id());
            processed.setCreateTableIfNotExists(false);
            from(fileUri(school, folder))
                    .routeId(routeId(school))
                    .autoStartup(properties.watch())
                    .process(e -> e.getIn().setHeader(HASH, CsvInbox.sha256(e.getIn().getBody(byte[].class))))
                    .idempotentConsumer(header(HASH)).idempotentRepository(processed).skipDuplicate(false)
                        .choice()
                            .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                                .process(e -> inbox.duplicate(school, path(e), e.getIn().getHeader(HASH, String.class)))
                            .otherwise()
                                .process(e -> inbox.accept(school, path(e), e.getIn().getHeader(HASH, String.class)))
                        .end()
                    .end();
            School.Sftp sftp = school.csv().sftp();
            if (sftp != null && sftp.host() != null) {
                from(sftpUri(school, sftp))
                        .routeId("csv-sftp-" + school.id())
                        .autoStartup(properties.watch())
                        // written under a name the folder route ignores, then renamed: never read half-copied
                        .to("file:" + folder + "?tempFileName=.incoming-${file:onlyname}"
                                + "&fileName=${file:onlyname.noext}-sftp-${date:now:yyyyMMddHHmmssSSS}.${file:ext}");
            }
        }
    }

    private static Path path(Exchange e) {
        return Path.of(e.getIn().getHeader(Exchange.FILE_PATH, String.class));
    }

    private String fileUri(School school, Path folder) {
        long minAge = Math.max(0, school.csv().minAge().toMillis());
        long check = Math.max(100, Math.min(1000, minAge / 2));
        StringBuilder uri = new StringBuilder("file:").append(folder)
                .append("?antInclude=").append(CsvKind.antPatterns()).append("&antFilterCaseSensitive=false")
                .append("&readLock=changed&readLockCheckInterval=").append(check)
                .append("&readLockMinAge=").append(minAge)
                .append("&readLockTimeout=").append(minAge + Duration.ofSeconds(10).toMillis())
                .append("&delete=true&delay=").append(properties.pollDelay().toMillis())
                .append("&initialDelay=500");
        if (school.csv().doneFile() != null) {
            uri.append("&doneFileName=").append(doneFileExpression(school.csv().doneFile()));
        }
        return uri.toString();
    }

    private String sftpUri(School school, School.Sftp sftp) {
        StringBuilder uri = new StringBuilder("sftp://").append(sftp.host()).append(':')
                .append(sftp.port() == null ? 22 : sftp.port()).append('/')
                .append(sftp.directory() == null ? "" : sftp.directory().replaceFirst("^/", ""))
                .append("?username=").append(sftp.username())
                .append("&antInclude=").append(CsvKind.antPatterns()).append("&antFilterCaseSensitive=false")
                .append("&binary=true&delete=true&readLock=changed&readLockMinAge=").append(school.csv().minAge().toMillis())
                .append("&readLockCheckInterval=1000&readLockTimeout=").append(school.csv().minAge().toMillis() + 20_000)
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

    /**
     * The done-file setting in Camel's terms: {@code {name}} and {@code {name.noext}} (written so, because Spring would
     * resolve a {@code ${…}} in the configuration itself) become {@code ${file:name}} and {@code ${file:name.noext}}.
     */
    static String doneFileExpression(String setting) {
        return setting.replace("{name.noext}", "${file:name.noext}").replace("{name}", "${file:name}")
                .replace("$${", "${");
    }

    /** The folder with done/ and error/ inside it, made by the service itself if it is not there. */
    static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder.resolve("done"));
            Files.createDirectories(folder.resolve("error"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV folder " + folder + " cannot be made: " + e.getMessage(), e);
        }
    }
}
