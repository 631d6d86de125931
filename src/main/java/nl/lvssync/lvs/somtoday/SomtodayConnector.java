package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.lvssync.lvs.LvsHttp;
import nl.lvssync.sync.LvsRequestException;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.LessonRecord;
import nl.lvssync.sync.LvsConnector;
import nl.lvssync.sync.QuarantineRecord;
import nl.lvssync.sync.RecordSink;
import nl.lvssync.sync.StudentData;
import nl.lvssync.sync.SyncProperties;
import nl.lvssync.sync.SyncWindow;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads a Somtoday school: its vestiging's students from the Connect API, the organisation's absentiemeldingen over
 * the window (and back to any melding still open), and week by week the waarnemingen that give each student's
 * lessons; every melding is laid onto those lessons. Somtoday's lists are school-wide, so the window is read in
 * weeks and each student is handed to the sink per week, never the whole school year at once.
 */
@Component
public class SomtodayConnector implements LvsConnector {

    private static final Logger log = LoggerFactory.getLogger(SomtodayConnector.class);
    static final String VESTIGINGEN = "/rest/v1/connect/vestiging";
    static final String ABSENTIEMELDINGEN = "/rest/v1/absentiemeldingen";
    static final String WAARNEMINGEN = "/rest/v1/waarnemingen";
    static final String ABSENTIEREDENEN = "/rest/v1/absentieredenen";
    /** waarnemingen come one per student per lesson: a week of a large school is the most we hold at once */
    private static final int CHUNK_DAYS = 7;
    /** a closed melding that began this long before the window is still read, whatever date filter Somtoday applies */
    private static final int MELDING_LOOKBACK_DAYS = 28;

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final SyncProperties settings;
    private final CircuitBreakerRegistry breakers;
    private final ObjectProvider<SimulatedSomtodayEndpoints> simulator;
    private final OpenMeldingen openMeldingen;
    private final Clock clock;
    private final SomtodayTokens tokens;
    private final Map<String, SomtodayClient> clients = new ConcurrentHashMap<>();

    public SomtodayConnector(OkHttpClient lvsHttpClient, ObjectMapper json, SyncProperties settings,
                             CircuitBreakerRegistry lvsCircuitBreakers, ObjectProvider<SimulatedSomtodayEndpoints> simulator,
                             OpenMeldingen openMeldingen, Clock clock) {
        this.http = lvsHttpClient;
        this.json = json;
        this.settings = settings;
        this.breakers = lvsCircuitBreakers;
        this.simulator = simulator;
        this.openMeldingen = openMeldingen;
        this.clock = clock;
        this.tokens = new SomtodayTokens(lvsHttpClient, json);
    }

    @Override
    public boolean supports(School school) {
        return school.kind() == Lvs.SOMTODAY;
    }

    @Override
    public void sync(School school, SyncWindow window, RecordSink sink) {
        SomtodayClient client = client(school);
        LocalDate today = LocalDate.now(clock);
        Vestiging vestiging = vestiging(client, school);
        Map<String, Reden> reasons = reasons(client);
        List<SomtodayMapper.Leerling> students = students(client, vestiging, today, sink);
        Map<String, SomtodayMapper.Leerling> known = students.stream()
                .collect(Collectors.toMap(l -> l.student().lvsId(), l -> l, (a, b) -> a, LinkedHashMap::new));

        LocalDate meldingenFrom = window.from().minusDays(MELDING_LOOKBACK_DAYS);
        LocalDate earliestOpen = openMeldingen.earliest(school.id()).orElse(meldingenFrom);
        meldingenFrom = earliestOpen.isBefore(meldingenFrom) ? earliestOpen : meldingenFrom;
        Map<String, List<Melding>> meldingen = meldingen(client, school, meldingenFrom, window.to(), known.keySet(), sink);

        SchoolKalender kalender = SchoolKalender.voorRegio(school.region(), school.holidays().stream()
                .map(h -> new Schoolvakantie(h.name(), h.from(), h.to())).toList(), Set.of());
        MeldingMapping mapping = new MeldingMapping(new CodeTable(school.codes()), reasons, today, d -> !kalender.isVrij(d));
        boolean first = true;
        List<SyncWindow> weeks = window.chunks(CHUNK_DAYS);
        // each student is delivered once per chunk: the progress bar counts deliveries
        sink.expect(known.size() * weeks.size());
        for (SyncWindow week : weeks) {
            Map<String, List<Les>> lessons = lessons(client, school, week, known.keySet(), sink);
            for (SomtodayMapper.Leerling leerling : known.values()) {
                String id = leerling.student().lvsId();
                List<Les> own = lessons.getOrDefault(id, List.of());
                Set<LocalDate> lessonDays = own.stream().map(Les::date).collect(Collectors.toCollection(TreeSet::new));
                Map<String, AbsenceRecord> absences = new LinkedHashMap<>();
                for (Melding m : meldingen.getOrDefault(id, List.of())) {
                    mapping.absences(m, own, lessonDays, week.from(), week.to()).forEach(a -> absences.putIfAbsent(a.lvsId(), a));
                }
                Set<String> gemeld = absences.values().stream().map(AbsenceRecord::lessonLvsId).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet());
                for (Les les : own) {
                    if (!gemeld.contains(les.id())) {
                        mapping.unreported(les, week.from(), week.to()).ifPresent(a -> absences.putIfAbsent(a.lvsId(), a));
                    }
                }
                List<LessonRecord> lessonRecords = own.stream().map(l -> new LessonRecord(l.id(), l.date(), l.start(), l.end(),
                        l.beginLesuur(), l.eindLesuur(), null, false, null, l.titel())).toList();
                sink.accept(new StudentData(leerling.student(), first ? leerling.enrolments() : List.of(), lessonRecords,
                        new ArrayList<>(absences.values()), week));
            }
            first = false;
        }
        // the records must have landed before we stop reading back to a melding that was open: else a failed write
        // could leave its absences unread for good
        sink.flush();
        openMeldingen.replace(school.id(), meldingen.values().stream().flatMap(List::stream).filter(Melding::open).toList());
        log.info("School {}: read {} students of vestiging {} from Somtoday", school.id(), known.size(), vestiging.naam());
    }

    record Vestiging(String uuid, String naam) {
    }

    /** The configured vestiging, checked against the organisation's list; the only one when none is configured. */
    private Vestiging vestiging(SomtodayClient client, School school) {
        String configured = client.endpoints().vestiging();
        JsonNode body;
        try {
            body = client.get(VESTIGINGEN, Map.of());
        } catch (LvsRequestException e) {
            if (configured != null && (e.status() == 403 || e.status() == 404)) {
                log.warn("School {}: the vestigingen list is not readable ({}); reading configured vestiging {}",
                        school.id(), e.getMessage(), configured);
                return new Vestiging(configured, null);
            }
            throw e;
        }
        List<Vestiging> all = new ArrayList<>();
        for (JsonNode v : Fields.get(body, "vestigingen")) {
            String uuid = Fields.text(v, "uuid");
            if (uuid != null) {
                all.add(new Vestiging(uuid, Fields.text(v, "naam")));
            }
        }
        if (configured == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new LvsRequestException(400, "school " + school.id() + " must name its vestiging (somtoday.vestiging):"
                    + " the organisation has " + describe(all));
        }
        return all.stream().filter(v -> v.uuid().equalsIgnoreCase(configured)).findFirst()
                .orElseThrow(() -> new LvsRequestException(404, "vestiging " + configured + " (somtoday.vestiging of school "
                        + school.id() + ") is not one of the organisation's vestigingen: " + describe(all)));
    }

    private static String describe(List<Vestiging> all) {
        return all.isEmpty() ? "no vestigingen" : all.stream().map(v -> v.naam() + " " + v.uuid())
                .collect(Collectors.joining(", ", all.size() + " vestiging(en): ", ""));
    }

    private Map<String, Reden> reasons(SomtodayClient client) {
        Map<String, Reden> reasons = new HashMap<>();
        client.rangePaged(ABSENTIEREDENEN, Map.of(), client.pageSize(), item -> {
            Reden r = SomtodayMapper.reden(item);
            if (r != null && r.afkorting() != null) {
                reasons.putIfAbsent(r.afkorting(), r);
            }
        });
        return reasons;
    }

    private List<SomtodayMapper.Leerling> students(SomtodayClient client, Vestiging vestiging, LocalDate today, RecordSink sink) {
        List<SomtodayMapper.Leerling> students = new ArrayList<>();
        client.offsetPaged(VESTIGINGEN + "/" + vestiging.uuid() + "/leerling", Map.of("peilschooljaar", "HUIDIG"),
                "leerlingen", client.studentPageSize(), item -> {
                    try {
                        SomtodayMapper.Leerling l = SomtodayMapper.leerling(item, today, vestiging.naam());
                        if (l.fieldProblem() != null) {
                            sink.quarantine(new QuarantineRecord("STUDENT_FIELD", l.student().lvsId(), l.student().lvsId(),
                                    l.fieldProblem(), item.toString()));
                        }
                        students.add(l);
                    } catch (IllegalArgumentException e) {
                        sink.quarantine(reject("STUDENT", null, item, e));
                    }
                });
        return students;
    }

    private Map<String, List<Melding>> meldingen(SomtodayClient client, School school, LocalDate from, LocalDate to,
                                                 Set<String> students, RecordSink sink) {
        Map<String, List<Melding>> byStudent = new HashMap<>();
        int[] elsewhere = {0};
        // Somtoday's date parameters are lower case here, camel case for waarnemingen
        client.rangePaged(ABSENTIEMELDINGEN, Map.of("begindatumtijd", from.toString(),
                "einddatumtijd", to.plusDays(1).toString()), client.pageSize(), item -> {
                    try {
                        Melding m = SomtodayMapper.melding(item);
                        if (students.contains(m.studentUuid())) {
                            byStudent.computeIfAbsent(m.studentUuid(), s -> new ArrayList<>()).add(m);
                        } else {
                            // the organisation's other vestigingen, or a student no longer placed: not ours to count
                            elsewhere[0]++;
                        }
                    } catch (IllegalArgumentException e) {
                        sink.quarantine(reject("ABSENCE", studentOf(item), item, e));
                    }
                });
        if (elsewhere[0] > 0) {
            log.debug("School {}: {} absentiemelding(en) of students outside this vestiging's list left aside", school.id(), elsewhere[0]);
        }
        byStudent.values().forEach(list -> list.sort(Comparator.comparing(Melding::begin).thenComparing(Melding::id)));
        return byStudent;
    }

    private Map<String, List<Les>> lessons(SomtodayClient client, School school, SyncWindow week, Set<String> students,
                                           RecordSink sink) {
        Map<String, Map<String, Les>> byStudent = new HashMap<>();
        client.rangePaged(WAARNEMINGEN, Map.of("beginDatumTijd", week.from().toString(),
                "eindDatumTijd", week.to().plusDays(1).toString()), client.pageSize(), item -> {
                    try {
                        SomtodayMapper.les(item).filter(l -> students.contains(l.studentUuid()) && week.contains(l.date()))
                                .ifPresent(l -> byStudent.computeIfAbsent(l.studentUuid(), s -> new LinkedHashMap<>())
                                        .putIfAbsent(l.id(), l));
                    } catch (IllegalArgumentException e) {
                        sink.quarantine(reject("LESSON", studentOf(item), item, e));
                    }
                });
        Map<String, List<Les>> sorted = new HashMap<>();
        byStudent.forEach((s, m) -> sorted.put(s, m.values().stream()
                .sorted(Comparator.comparing(Les::start).thenComparing(Les::id)).toList()));
        return sorted;
    }

    private static String studentOf(JsonNode item) {
        return Fields.text(Fields.get(item, "leerling"), "UUID");
    }

    private static QuarantineRecord reject(String type, String student, JsonNode item, IllegalArgumentException e) {
        String key = Fields.selfId(item);
        if (key == null) {
            key = Fields.text(item, "uuid");
        }
        if (key == null) {
            key = (student == null ? "" : student + "-") + Integer.toHexString(item.toString().hashCode());
        }
        return new QuarantineRecord(type, key, student, e.getMessage(), item.toString());
    }

    @Override
    public boolean reachable(School school) {
        OkHttpClient probe = http.newBuilder()
                .callTimeout(settings.healthProbeTimeout())
                .connectTimeout(settings.healthProbeTimeout())
                .build();
        Request request = new Request.Builder().url(endpoints(school).tokenUrl()).get().build();
        try (Response response = probe.newCall(request).execute()) {
            // any HTTP answer (even 405 to a GET on the token endpoint) means Somtoday is there
            return response.code() < 500;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    SomtodayClient client(School school) {
        return clients.computeIfAbsent(school.id(), id -> new SomtodayClient(endpoints(school), http,
                new LvsHttp("lvs-" + id, settings, breakers.circuitBreaker("lvs-" + id),
                        nl.lvssync.lvs.LvsLimits.of(school, settings)), json, tokens,
                school.somtoday().pageSize(), school.somtoday().studentPageSize()));
    }

    SomtodayEndpoints endpoints(School school) {
        if (school.simulated()) {
            SimulatedSomtodayEndpoints sim = simulator.getIfAvailable();
            if (sim == null) {
                throw new IllegalStateException("school " + school.id() + " uses lvs: simulator, but the simulator "
                        + "is disabled (lvs-sync.simulator.enabled=false)");
            }
            return sim.endpoints(school);
        }
        String base = school.baseUrl() == null || school.baseUrl().isBlank() ? SomtodayEndpoints.DEFAULT_API : school.baseUrl();
        return new SomtodayEndpoints(base, SomtodayEndpoints.tokenUrlOf(school.auth().tokenUrl()),
                school.auth().organisation(), school.auth().clientId(), school.auth().clientSecret(),
                school.somtoday().vestiging());
    }
}
