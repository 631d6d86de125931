package nl.lvssync.lvs.csv;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.builder.RouteBuilder;
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
                folder = ExportFolder.prepare(school.csvFolder());
            } catch (UncheckedIOException e) {
                // one school's unusable folder must not stop the others: its runs fail and its health says DOWN
                log.error("School {}: {}; its folder is not watched", school.id(), e.getMessage());
                continue;
            }
            ExportFolder.watch(this, ExportFolder.fileUri(folder, CsvKind.antPatterns(), school.csv().minAge(),
                            school.csv().doneFile(), properties.pollDelay()), routeId(school), properties.watch(),
                    ExportFolder.processed(dataSource, tx, "csv-" + school.id()), new ExportFolder.Inbox() {
                        @Override
                        public void accept(Path file, String hash) {
                            inbox.accept(school, file, hash);
                        }

                        @Override
                        public void duplicate(Path file, String hash) {
                            inbox.duplicate(school, file, hash);
                        }
                    });
            School.Sftp sftp = school.csv().sftp();
            if (sftp != null && sftp.host() != null) {
                from(ExportFolder.sftpUri(sftp, CsvKind.antPatterns(), school.csv().minAge()))
                        .routeId("csv-sftp-" + school.id())
                        .autoStartup(properties.watch())
                        // written under a name the folder route ignores, then renamed: never read half-copied
                        .to(ExportFolder.sftpTarget(folder));
            }
        }
    }
}
