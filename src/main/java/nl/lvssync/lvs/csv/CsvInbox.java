package nl.lvssync.lvs.csv;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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

    /** A file whose content was not processed before. */
    void accept(School school, Path file, String hash) {
        String name = file.getFileName().toString();
        CsvKind kind = CsvKind.ofFileName(name).orElseThrow(() -> new IllegalArgumentException(name + " is no export"));
        byte[] bytes = ExportFolder.read(file);
        CsvExport export = CsvExport.read(kind, bytes, school.csv().columns().getOrDefault(kind.configKey, Map.of()),
                school.csv().encoding());
        Instant at = clock.instant();
        Path target = ExportFolder.keep(school.csvFolder(), name, bytes,
                export.clean() ? null : export.report(name, school.id(), at), at);
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
        Path target = ExportFolder.keep(school.csvFolder(), file.getFileName().toString(), ExportFolder.read(file), null,
                clock.instant());
        log.info("School {}: export {} has the same content as one processed before; kept as {} and not read again",
                school.id(), file.getFileName(), target);
    }

    void requestRun(School school) {
        if (requestRuns) {
            events.publishEvent(new SyncWanted(school.id(), "FILE"));
        }
    }
}
