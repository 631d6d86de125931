package nl.lvssync.opp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import nl.lvssync.lvs.csv.ExportFolder;
import nl.lvssync.school.School;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one complete OPP export from a school's folder: reads it line by line, keeps a copy in {@code done/} (every
 * line good) or {@code error/} with a report beside it naming each bad line and why, takes over the good lines as plan
 * versions, and has the OPP alerts judged again when anything changed.
 */
@Component
class OppInbox {

    private static final Logger log = LoggerFactory.getLogger(OppInbox.class);

    private final OppRepository plans;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CamelContext camel;
    private final OppProperties properties;
    private final Clock clock;

    OppInbox(OppRepository plans, ApplicationEventPublisher events, TransactionTemplate tx, CamelContext camel,
             OppProperties properties, Clock clock) {
        this.plans = plans;
        this.events = events;
        this.tx = tx;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
    }

    /** A file whose content was not processed before. */
    void accept(School school, Path folder, Path file, String hash) {
        String name = file.getFileName().toString();
        byte[] bytes = ExportFolder.read(file);
        OppExport export = OppExport.read(bytes, school.opp().columns(), school.opp().encoding());
        Instant at = clock.instant();
        Path target = ExportFolder.keep(folder, name, bytes, export.clean() ? null : export.report(name, school.id(), at), at);
        boolean usable = export.unreadable() == null && !(export.regels().isEmpty() && !export.bad().isEmpty());
        OppRepository.Changes changes = tx.execute(status -> {
            long id = plans.recordExport(school.id(), name, target.toString(), hash, at, usable, export,
                    new OppRepository.Changes(0, 0));
            OppRepository.Changes c = usable ? plans.store(school.id(), id, export.regels(), at) : new OppRepository.Changes(0, 0);
            plans.exportChanges(id, c);
            return c;
        });
        if (export.unreadable() != null) {
            log.warn("School {}: OPP export {} could not be read ({}); moved to {}", school.id(), name, export.unreadable(), target);
        } else {
            log.info("School {}: OPP export {} taken in: {} line(s), {} bad{}; {} new and {} corrected plan version(s); kept as {}",
                    school.id(), name, export.regels().size(), export.bad().size(), export.clean() ? "" : " (report beside it)",
                    changes.created(), changes.changed(), target);
        }
        if (changes.any()) {
            events.publishEvent(new OppPlansImported(school.id(), name, changes.created(), changes.changed()));
        }
    }

    /** A file whose content was processed before: kept in done/ and nothing else, unless we never recorded it. */
    void duplicate(School school, Path folder, Path file, String hash) {
        if (!plans.knownExport(school.id(), hash)) {
            // the content key was stored but the export was not (the service stopped in between): take it in now
            accept(school, folder, file, hash);
            return;
        }
        Path target = ExportFolder.keep(folder, file.getFileName().toString(), ExportFolder.read(file), null, clock.instant());
        log.info("School {}: OPP export {} has the same content as one taken in before; kept as {} and not read again",
                school.id(), file.getFileName(), target);
    }

    /** Waits (bounded) until the OPP exports already in the school's folder have been taken in by its route. */
    void awaitTakenIn(School school) {
        Path folder = school.oppFolder().orElse(null);
        ServiceStatus status = camel.getRouteController().getRouteStatus(OppFolderRoutes.routeId(school));
        if (folder == null || status == null || !status.isStarted()) {
            return;
        }
        String pattern = OppFolderRoutes.pattern(school, folder);
        long until = System.nanoTime() + properties.drainTimeout().toNanos();
        while (waiting(school, folder, pattern) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean waiting(School school, Path folder, String pattern) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> OppFolderRoutes.matches(pattern, f.getFileName().toString()))
                    .anyMatch(f -> school.opp().doneFile() == null || ExportFolder.doneFileOf(school.opp().doneFile(), f) == null
                            || Files.exists(ExportFolder.doneFileOf(school.opp().doneFile(), f)));
        } catch (IOException e) {
            return false;
        }
    }
}
