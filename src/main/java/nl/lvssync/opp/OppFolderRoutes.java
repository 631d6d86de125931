package nl.lvssync.opp;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import nl.lvssync.lvs.csv.ExportFolder;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One route per school with an OPP export folder ({@link School#oppFolder()}), with the conventions of every export
 * folder ({@link ExportFolder}): read once complete (min-age or done file), each content once, kept in done/ or error/.
 * In a folder of its own every {@code *.csv} is an OPP export; beside a CSV school's other exports only
 * {@code opp*.csv}. An SFTP drop ({@code opp.sftp}) is fetched into the folder.
 */
@Component
class OppFolderRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(OppFolderRoutes.class);

    private final SchoolDirectory schools;
    private final OppInbox inbox;
    private final OppProperties properties;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    OppFolderRoutes(SchoolDirectory schools, OppInbox inbox, OppProperties properties, DataSource dataSource,
                    TransactionTemplate tx) {
        this.schools = schools;
        this.inbox = inbox;
        this.properties = properties;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    static String routeId(School school) {
        return "opp-folder-" + school.id();
    }

    /** The Ant pattern of the school's OPP exports in that folder. */
    static String pattern(School school, Path folder) {
        return school.kind() == Lvs.CSV && folder.equals(school.csvFolder()) ? "opp*.csv" : "*.csv";
    }

    static boolean matches(String pattern, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") && (pattern.equals("*.csv") || name.startsWith("opp"));
    }

    @Override
    public void configure() {
        for (School school : schools.all()) {
            Path folder = school.oppFolder().orElse(null);
            if (folder == null) {
                continue;
            }
            try {
                ExportFolder.prepare(folder);
            } catch (UncheckedIOException e) {
                // one school's unusable folder must not stop the others
                log.error("School {}: {}; its OPP exports are not watched", school.id(), e.getMessage());
                continue;
            }
            School.Opp opp = school.opp();
            String pattern = pattern(school, folder);
            ExportFolder.watch(this, ExportFolder.fileUri(folder, pattern, opp.minAge(), opp.doneFile(), properties.pollDelay()),
                    routeId(school), properties.watch(), ExportFolder.processed(dataSource, tx, "opp-" + school.id()),
                    new ExportFolder.Inbox() {
                        @Override
                        public void accept(Path file, String hash) {
                            inbox.accept(school, folder, file, hash);
                        }

                        @Override
                        public void duplicate(Path file, String hash) {
                            inbox.duplicate(school, folder, file, hash);
                        }
                    });
            if (opp.sftp() != null && opp.sftp().host() != null) {
                from(ExportFolder.sftpUri(opp.sftp(), pattern, opp.minAge()))
                        .routeId("opp-sftp-" + school.id())
                        .autoStartup(properties.watch())
                        .to(ExportFolder.sftpTarget(folder));
            }
        }
    }
}
