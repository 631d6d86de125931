package nl.lvssync.lvs.magister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.lvssync.lvs.LvsHttp;
import nl.lvssync.lvs.LvsLimits;
import nl.lvssync.lvs.ReadAhead;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.LessonRecord;
import nl.lvssync.sync.LvsConnector;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.sync.LvsUnavailableException;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.RecordSink;
import nl.lvssync.sync.StudentData;
import nl.lvssync.sync.SyncProperties;
import nl.lvssync.sync.SyncWindow;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads a Magister school: the GetData student list (spooled to disk, then read row by row), and per
 * student the aanmeldingen, afspraken and absenties over the window in date chunks of at most {@code chunk-days}.
 * Students are read {@code max-concurrent-requests} at a time (each one's requests one after the other), and handed
 * to the sink on the run's thread in the order of the list, each whole: the sink sees one student at a time.
 */
@Component
public class MagisterConnector implements LvsConnector {

    private static final Logger log = LoggerFactory.getLogger(MagisterConnector.class);

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final SyncProperties settings;
    private final CircuitBreakerRegistry breakers;
    private final ObjectProvider<SimulatedMagisterEndpoints> simulator;
    private final Map<String, MagisterClient> clients = new ConcurrentHashMap<>();

    public MagisterConnector(OkHttpClient lvsHttpClient, ObjectMapper json, SyncProperties settings,
                             CircuitBreakerRegistry lvsCircuitBreakers, ObjectProvider<SimulatedMagisterEndpoints> simulator) {
        this.http = lvsHttpClient;
        this.json = json;
        this.settings = settings;
        this.breakers = lvsCircuitBreakers;
        this.simulator = simulator;
    }

    @Override
    public boolean supports(School school) {
        return school.kind() == Lvs.MAGISTER;
    }

    @Override
    public void sync(School school, SyncWindow window, RecordSink sink) {
        MagisterClient client = client(school);
        LvsLimits limits = LvsLimits.of(school, settings);
        MagisterMapper mapper = new MagisterMapper(new CodeTable(school.codes()));
        MagisterStudentList list = new MagisterStudentList(school.magister().columns(), window.to());
        String encoding = school.magister().encoding();
        SpooledStudentList spooled = client.readStudentList(body -> {
            SpooledStudentList s = SpooledStudentList.spool(body);
            try {
                list.check(s.head(encoding, 64 * 1024));
                return s;
            } catch (java.io.IOException e) {
                s.delete();
                throw new java.io.UncheckedIOException(e);
            } catch (RuntimeException e) {
                s.delete();
                throw e;
            }
        });
        int expected = countStudents(school, spooled, encoding, window);
        if (expected > 0) {
            sink.expect(expected);
        }
        try (Reader reader = spooled.open(encoding);
             ReadAhead<StudentRead> reads = new ReadAhead<>("lvs-" + school.id(), limits.maxConcurrentRequests(),
                     read -> read.deliver(sink))) {
            int rows = list.read(reader, parsed -> {
                if (parsed.fieldProblem() != null) {
                    sink.quarantine(new QuarantineRecord("STUDENT_FIELD", parsed.student().lvsId(),
                            parsed.student().lvsId(), parsed.fieldProblem(), null));
                }
                reads.submit(() -> readStudent(client, mapper, parsed, window, limits.chunkDays()));
            }, sink::quarantine);
            reads.finish();
            log.info("School {}: read {} rows from the Magister student list ({})", school.id(), rows,
                    spooled.charset(encoding));
        } catch (java.io.IOException e) {
            throw new LvsUnavailableException("the spooled student list could not be read: " + e.getMessage(), e);
        } finally {
            spooled.delete();
        }
    }

    /** A first pass over the spooled list (on disk, cheap beside the API calls) so the progress bar knows its end. */
    private static int countStudents(School school, SpooledStudentList spooled, String encoding, SyncWindow window) {
        int[] n = {0};
        try (Reader reader = spooled.open(encoding)) {
            new MagisterStudentList(school.magister().columns(), window.to()).read(reader, parsed -> n[0]++, rejected -> { });
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return n[0];
    }

    /**
     * What reading one student gave, kept until it is handed to the sink on the run's own thread, in the order of the
     * student list: the records, the items quarantined on the way, or why the student could not be read.
     */
    private record StudentRead(String id, StudentData data, List<QuarantineRecord> quarantined, String failure) {
        void deliver(RecordSink sink) {
            quarantined.forEach(sink::quarantine);
            if (data != null) {
                sink.accept(data);
            } else {
                sink.studentFailed(id, failure);
            }
        }
    }

    /** Reads one student (on one of the school's reader threads); only an open circuit breaker ends the whole run. */
    private StudentRead readStudent(MagisterClient client, MagisterMapper mapper, MagisterStudentList.ParsedStudent parsed,
                                    SyncWindow window, int chunkDays) {
        String id = parsed.student().lvsId();
        List<QuarantineRecord> quarantined = new ArrayList<>();
        try {
            List<EnrolmentRecord> enrolments = new ArrayList<>();
            for (JsonNode item : items(client.aanmeldingen(id), "Items")) {
                try {
                    enrolments.add(mapper.enrolment(item));
                } catch (InvalidRecordException e) {
                    quarantined.add(reject("ENROLMENT", id, item, e));
                }
            }
            Map<String, LessonRecord> lessons = new LinkedHashMap<>();
            Map<String, AbsenceRecord> absences = new LinkedHashMap<>();
            for (SyncWindow chunk : window.chunks(chunkDays)) {
                // ask one day beyond the chunk: whether Magister reads "tot" inclusively or not, no day is lost
                LocalDate tot = chunk.to().plusDays(1);
                for (JsonNode item : pages(client, client.afspraken(id, chunk.from(), tot), "Items")) {
                    try {
                        mapper.lesson(item).ifPresent(l -> lessons.putIfAbsent(l.lvsId(), l));
                    } catch (InvalidRecordException e) {
                        quarantined.add(reject("LESSON", id, item, e));
                    }
                }
                for (JsonNode item : pages(client, client.absenties(id, chunk.from(), tot), "Items")) {
                    try {
                        AbsenceRecord a = mapper.absence(item);
                        absences.putIfAbsent(a.lvsId(), a);
                    } catch (InvalidRecordException e) {
                        quarantined.add(reject("ABSENCE", id, item, e));
                    }
                }
            }
            return new StudentRead(id, new StudentData(parsed.student(), enrolments, new ArrayList<>(lessons.values()),
                    withLessonTimes(absences.values(), lessons.values()), window), quarantined, null);
        } catch (LvsRequestException e) {
            if (e.status() == 404) {
                quarantined.add(new QuarantineRecord("STUDENT", id, id,
                        "student " + id + " from the student list is unknown to the Magister API (404)", null));
            }
            return new StudentRead(id, null, quarantined, e.getMessage());
        } catch (LvsUnavailableException e) {
            if (e.getCause() instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
                throw e;
            }
            return new StudentRead(id, null, quarantined, e.getMessage());
        }
    }

    /** The items of a response, plus those of any "next" pages it links to. */
    private List<JsonNode> pages(MagisterClient client, JsonNode first, String field) {
        List<JsonNode> all = new ArrayList<>(items(first, field));
        JsonNode page = first;
        for (int i = 0; i < 1000; i++) {
            String next = nextLink(page);
            if (next == null) {
                break;
            }
            page = client.follow(next);
            all.addAll(items(page, field));
        }
        return all;
    }

    private static String nextLink(JsonNode page) {
        for (JsonNode link : MagisterFields.field(page, "Links")) {
            String rel = MagisterFields.text(link, "Rel");
            String href = MagisterFields.text(link, "Href");
            if ("next".equalsIgnoreCase(rel) && href != null) {
                return href;
            }
        }
        return null;
    }

    /**
     * Absences get the times of their lesson from the student's timetable where they carry none of their own (live
     * Magister: midnight, and the Afspraak copy missing or without times): by AfspraakId, else by date and lesuur.
     */
    static List<AbsenceRecord> withLessonTimes(java.util.Collection<AbsenceRecord> absences,
                                               java.util.Collection<LessonRecord> lessons) {
        Map<String, LessonRecord> byId = new java.util.HashMap<>();
        Map<LocalDate, List<LessonRecord>> byDate = new java.util.HashMap<>();
        for (LessonRecord l : lessons) {
            byId.put(l.lvsId(), l);
            byDate.computeIfAbsent(l.date(), d -> new ArrayList<>()).add(l);
        }
        List<AbsenceRecord> result = new ArrayList<>(absences.size());
        for (AbsenceRecord a : absences) {
            LessonRecord lesson = a.lessonLvsId() == null ? null : byId.get(a.lessonLvsId());
            if (lesson == null && a.lesuur() != null) {
                lesson = byDate.getOrDefault(a.date(), List.of()).stream()
                        .filter(l -> l.lesuurVan() != null && l.lesuurVan() <= a.lesuur()
                                && a.lesuur() <= (l.lesuurTot() == null ? l.lesuurVan() : l.lesuurTot()))
                        // a cancelled lesson and its replacement share a period: the one that took place is the one missed
                        .min(java.util.Comparator.comparing(LessonRecord::cancelled)).orElse(null);
            }
            result.add(lesson == null || (a.lessonStart() != null && lesson.lvsId().equals(a.lessonLvsId()))
                    ? a : MagisterMapper.withLesson(a, lesson));
        }
        return result;
    }

    private static List<JsonNode> items(JsonNode response, String field) {
        JsonNode items = response.isArray() ? response : MagisterFields.field(response, field);
        if (!items.isArray()) {
            // a shape we do not know must never read as "no records"
            throw new nl.lvssync.lvs.TransientLvsException("response has no '" + field + "' list: "
                    + LvsHttp.abbreviate(response.toString()));
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return list;
    }

    private static QuarantineRecord reject(String type, String studentId, JsonNode item, InvalidRecordException e) {
        String key = MagisterMapper.idOf(item);
        if (key == null) {
            key = studentId + "-" + Integer.toHexString(item.toString().hashCode());
        }
        return new QuarantineRecord(type, key, studentId, e.getMessage(), item.toString());
    }

    @Override
    public boolean reachable(School school) {
        MagisterEndpoints endpoints = endpoints(school);
        OkHttpClient probe = http.newBuilder()
                .callTimeout(settings.healthProbeTimeout())
                .connectTimeout(settings.healthProbeTimeout())
                .build();
        Request request = new Request.Builder().url(endpoints.tokenUrl()).get().build();
        try (Response response = probe.newCall(request).execute()) {
            // any HTTP answer (even 405 to a GET on the token endpoint) means the LVS is there
            return response.code() < 500;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public MagisterClient client(School school) {
        return clients.computeIfAbsent(school.id(), id -> new MagisterClient(endpoints(school), http,
                new LvsHttp("lvs-" + id, settings, breakers.circuitBreaker("lvs-" + id), LvsLimits.of(school, settings)), json));
    }

    MagisterEndpoints endpoints(School school) {
        if (school.simulated()) {
            SimulatedMagisterEndpoints sim = simulator.getIfAvailable();
            if (sim == null) {
                throw new IllegalStateException("school " + school.id() + " uses lvs: simulator, but the simulator "
                        + "is disabled (lvs-sync.simulator.enabled=false)");
            }
            return sim.endpoints(school);
        }
        School.Magister m = school.magister();
        String webservices = m.webservicesUrl() == null || m.webservicesUrl().isBlank() ? school.baseUrl() : m.webservicesUrl();
        return new MagisterEndpoints(school.baseUrl(), MagisterEndpoints.tokenUrlOf(school.auth().tokenUrl()),
                school.auth().clientId(), school.auth().clientSecret(), webservices, m.webservicesUser(),
                m.webservicesPassword(), m.studentLayout());
    }
}
