package nl.lvssync.lvs.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.sync.LvsUnavailableException;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.LessonRecord;
import nl.lvssync.sync.LvsConnector;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.RecordSink;
import nl.lvssync.sync.StudentData;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.sync.SyncWindow;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a CSV school's exports in a sync run. The watched folder's route takes each complete file in (see
 * {@link CsvInbox}); a run applies what waits: the newest students export is the student list (every run, so a
 * student missing from it has left), and each absences or lessons export is a snapshot of its window (first to last
 * date), so what we hold inside that window and the export lacks is marked deleted. Without a lessons export the
 * school calendar decides the lesdagen and each absence's own times its length. A run with nothing new re-applies the
 * newest students export, and fails when the newest export is older than {@code stale-after-hours}: exports that stop
 * arriving are a sync failure, never "no absence".
 */
@Component
public class CsvConnector implements LvsConnector {

    private static final Logger log = LoggerFactory.getLogger(CsvConnector.class);

    private final CsvExports exports;
    private final CsvProperties properties;
    private final CamelContext camel;
    private final Clock clock;

    CsvConnector(CsvExports exports, CsvProperties properties, CamelContext camel, Clock clock) {
        this.exports = exports;
        this.properties = properties;
        this.camel = camel;
        this.clock = clock;
    }

    @Override
    public boolean supports(School school) {
        return school.kind() == Lvs.CSV;
    }

    @Override
    public boolean reachable(School school) {
        Path folder = school.csvFolder();
        return Files.isDirectory(folder) && Files.isReadable(folder);
    }

    @Override
    public void sync(School school, SyncWindow window, RecordSink sink) {
        Path folder = school.csvFolder();
        awaitTakenIn(school, folder);
        List<CsvExports.Received> pending = exports.pending(school.id());
        Optional<CsvExports.Received> studentsExport = exports.newest(school.id(), CsvKind.STUDENTS);
        if (studentsExport.isEmpty()) {
            throw new LvsUnavailableException(pending.isEmpty()
                    ? "no export has arrived yet in " + folder + " (leerlingen*.csv, absenties*.csv, lessen*.csv)"
                    : "no students export (leerlingen*.csv) has arrived yet in " + folder + "; " + pending.size()
                    + " export(s) wait for it");
        }
        if (pending.isEmpty()) {
            Instant last = exports.lastReceived(school.id()).orElseThrow();
            if (last.plus(Duration.ofHours(school.staleAfterHours())).isBefore(clock.instant())) {
                throw new LvsUnavailableException("no new export has arrived in " + folder + " since "
                        + last.atZone(ClockConfig.AMSTERDAM).toLocalDateTime() + " (more than " + school.staleAfterHours()
                        + " hours): the school's exports have stopped?");
            }
        }
        Map<Long, CsvExport> read = new HashMap<>();
        for (CsvExports.Received r : pending) {
            read.put(r.id(), read(r, school));
            reportLines(r, read.get(r.id()), sink);
        }
        CsvExport students = read.computeIfAbsent(studentsExport.get().id(), id -> read(studentsExport.get(), school));
        Map<String, StudentRecord> list = new LinkedHashMap<>();
        Map<String, List<EnrolmentRecord>> enrolments = new HashMap<>();
        for (CsvExport.Row row : students.rows()) {
            CsvExport.Student line = (CsvExport.Student) row.value();
            StudentRecord s = line.student();
            if (list.putIfAbsent(s.lvsId(), s) == null) {
                enrolments.put(s.lvsId(), line.enrolment().map(List::of).orElse(List.of()));
            }
        }
        List<Pass> lessonPasses = passes(pending.stream().filter(r -> r.kind() == CsvKind.LESSONS)
                .map(r -> new Named(r.fileName(), read.get(r.id()))).toList());
        List<Pass> absencePasses = passes(pending.stream().filter(r -> r.kind() == CsvKind.ABSENCES)
                .map(r -> new Named(r.fileName(), read.get(r.id()))).toList());
        Map<String, List<CsvExport.Lesson>> timetable = timetable(school, pending, read, lessonPasses);
        CodeTable codes = new CodeTable(school.codes());
        int passes = Math.max(1, Math.max(lessonPasses.size(), absencePasses.size()));
        sink.expect(list.size() * passes);
        for (int i = 0; i < passes; i++) {
            Pass lessons = i < lessonPasses.size() ? lessonPasses.get(i) : null;
            Pass absences = i < absencePasses.size() ? absencePasses.get(i) : null;
            unknownStudents(lessons, list, sink, "LESSON");
            unknownStudents(absences, list, sink, "ABSENCE");
            for (StudentRecord student : list.values()) {
                String id = student.lvsId();
                List<LessonRecord> lessonRecords = lessons == null ? List.of() : lessons.of(id).stream()
                        .map(r -> lesson((CsvExport.Lesson) r.value())).toList();
                List<AbsenceRecord> absenceRecords = absences == null ? List.of() : absences.of(id).stream()
                        .map(r -> absence((CsvExport.Absence) r.value(), timetable.getOrDefault(id, List.of()), codes))
                        .toList();
                sink.accept(StudentData.partial(student, enrolments.getOrDefault(id, List.of()), lessonRecords, lessons == null ? null : lessons.window(),
                        absenceRecords, absences == null ? null : absences.window()));
            }
        }
        sink.flush();
        exports.applied(pending, clock.instant());
        log.info("School {}: applied {} export(s) from {} ({} students from {})", school.id(), pending.size(), folder,
                list.size(), studentsExport.get().fileName());
    }

    /** Waits (bounded) until the files already in the folder have been taken in by its route. */
    private void awaitTakenIn(School school, Path folder) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(CsvFolderRoutes.routeId(school));
        if (status == null || !status.isStarted()) {
            return;
        }
        long until = System.nanoTime() + properties.drainTimeout().toNanos();
        while (waiting(school, folder) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean waiting(School school, Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> CsvKind.ofFileName(f.getFileName().toString()).isPresent())
                    .anyMatch(f -> school.csv().doneFile() == null || doneFileOf(school, f) == null || Files.exists(doneFileOf(school, f)));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path doneFileOf(School school, Path file) {
        return ExportFolder.doneFileOf(school.csv().doneFile(), file);
    }

    private CsvExport read(CsvExports.Received r, School school) {
        try {
            return CsvExport.read(r.kind(), Files.readAllBytes(Path.of(r.storedPath())),
                    school.csv().columns().getOrDefault(r.kind().configKey, Map.of()), school.csv().encoding());
        } catch (IOException e) {
            throw new LvsUnavailableException("export " + r.fileName() + " is no longer at " + r.storedPath()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The bad lines of an export, and the lines kept with a problem, go to quarantine for the administrator. */
    private static void reportLines(CsvExports.Received r, CsvExport export, RecordSink sink) {
        for (CsvTable.BadLine bad : export.bad()) {
            sink.quarantine(new QuarantineRecord("CSV_LINE", r.fileName() + ":" + bad.line(), bad.studentId(),
                    r.fileName() + " line " + bad.line() + ": " + bad.reason() + " (report in " + r.storedPath() + ".report.txt)",
                    bad.text()));
        }
        for (CsvExport.Row row : export.rows()) {
            if (row.warning() != null && row.value() instanceof CsvExport.Student s) {
                sink.quarantine(new QuarantineRecord("STUDENT_FIELD", s.student().lvsId(), s.student().lvsId(),
                        r.fileName() + " line " + row.line() + ": " + row.warning(), null));
            }
        }
    }

    private static void unknownStudents(Pass pass, Map<String, StudentRecord> list, RecordSink sink, String type) {
        if (pass == null) {
            return;
        }
        pass.byStudent().forEach((student, rows) -> {
            if (!list.containsKey(student)) {
                for (Row row : rows) {
                    sink.quarantine(new QuarantineRecord(type, row.file() + ":" + row.row().line(), student, row.file()
                            + " line " + row.row().line() + ": leerling_id " + student + " is not in the students export", null));
                }
            }
        });
    }

    /** An export with the name it arrived under. */
    record Named(String file, CsvExport export) {
    }

    /** One line of an export, with the file it came from. */
    record Row(String file, CsvExport.Row row) {
        Object value() {
            return row.value();
        }

        LocalDate date() {
            return row.value() instanceof CsvExport.Absence a ? a.date() : ((CsvExport.Lesson) row.value()).date();
        }
    }

    /** What a run applies of one kind at once: the lines of exports whose windows touch, the later one winning. */
    record Pass(SyncWindow window, Map<String, List<Row>> byStudent) {
        List<Row> of(String student) {
            return byStudent.getOrDefault(student, List.of());
        }
    }

    /**
     * Exports of one kind in the order they arrived, merged while their windows overlap or touch (a later export
     * replaces the earlier one's lines inside its own window); a gap starts a new pass, so nothing in the gap is
     * marked deleted.
     */
    static List<Pass> passes(List<Named> exports) {
        List<Pass> passes = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        List<Row> rows = new ArrayList<>();
        for (Named named : exports) {
            CsvExport e = named.export();
            LocalDate f = e.from();
            LocalDate t = e.to();
            if (f == null) {
                continue;
            }
            if (from != null && (f.isAfter(to.plusDays(1)) || t.plusDays(1).isBefore(from))) {
                passes.add(pass(from, to, rows));
                from = null;
                rows = new ArrayList<>();
            }
            if (from == null) {
                from = f;
                to = t;
            } else {
                rows.removeIf(r -> !r.date().isBefore(f) && !r.date().isAfter(t));
                from = f.isBefore(from) ? f : from;
                to = t.isAfter(to) ? t : to;
            }
            for (CsvExport.Row row : e.rows()) {
                rows.add(new Row(named.file(), row));
            }
        }
        if (from != null) {
            passes.add(pass(from, to, rows));
        }
        return passes;
    }

    private static Pass pass(LocalDate from, LocalDate to, List<Row> rows) {
        Map<String, List<Row>> byStudent = new LinkedHashMap<>();
        for (Row r : rows) {
            String student = r.value() instanceof CsvExport.Absence a ? a.studentId() : ((CsvExport.Lesson) r.value()).studentId();
            byStudent.computeIfAbsent(student, s -> new ArrayList<>()).add(r);
        }
        return new Pass(new SyncWindow(from, to, false), byStudent);
    }

    /** The lessons absences are placed on: this run's lessons exports, else the newest one we have. */
    private Map<String, List<CsvExport.Lesson>> timetable(School school, List<CsvExports.Received> pending,
                                                          Map<Long, CsvExport> read, List<Pass> lessonPasses) {
        List<CsvExport.Lesson> lessons = new ArrayList<>();
        lessonPasses.forEach(p -> p.byStudent().values().forEach(rows -> rows.forEach(r -> lessons.add((CsvExport.Lesson) r.value()))));
        if (lessons.isEmpty()) {
            exports.newest(school.id(), CsvKind.LESSONS).ifPresent(r -> read.computeIfAbsent(r.id(), id -> read(r, school))
                    .rows().forEach(row -> lessons.add((CsvExport.Lesson) row.value())));
        }
        Map<String, List<CsvExport.Lesson>> byStudent = new HashMap<>();
        lessons.forEach(l -> byStudent.computeIfAbsent(l.studentId(), s -> new ArrayList<>()).add(l));
        return byStudent;
    }

    private static LessonRecord lesson(CsvExport.Lesson l) {
        return new LessonRecord(l.id(), l.date(), instant(l.date(), l.begin()), instant(l.date(), l.end()), l.lesuur(),
                l.lesuur(), null, l.vervallen(), l.vak(), null);
    }

    /**
     * An absence on its lesson (same date and lesuur, or the lesson its begin time falls in); without one its own
     * times give its length.
     */
    static AbsenceRecord absence(CsvExport.Absence a, List<CsvExport.Lesson> lessons, CodeTable codes) {
        CsvExport.Lesson les = lessons.stream().filter(l -> l.date().equals(a.date()))
                .filter(l -> a.lesuur() != null && a.lesuur().equals(l.lesuur())
                        || a.lesuur() == null && a.begin() != null && !a.begin().isBefore(l.begin()) && a.begin().isBefore(l.end()))
                .findFirst().orElse(null);
        Instant lessonStart = les == null ? null : instant(les.date(), les.begin());
        Instant lessonEnd = les == null ? null : instant(les.date(), les.end());
        Instant start = a.begin() != null ? instant(a.date(), a.begin())
                : lessonStart != null ? lessonStart : instant(a.date(), LocalTime.MIDNIGHT);
        Instant end = a.end() != null ? instant(a.date(), a.end()) : lessonEnd != null ? lessonEnd : start;
        Verdict verdict = codes.verdict(a.code(), null, a.geoorloofd());
        return new AbsenceRecord(a.id(), les == null ? null : les.id(), a.date(), start, end.isBefore(start) ? start : end,
                lessonStart, lessonEnd, a.lesuur() != null ? a.lesuur() : les == null ? null : les.lesuur(), a.code(),
                a.omschrijving(), null, a.geoorloofd(), verdict, les != null && les.vervallen());
    }

    private static Instant instant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ClockConfig.AMSTERDAM).toInstant();
    }
}
