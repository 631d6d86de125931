package nl.lvssync.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.lvssync.alert.OpenAlerts;
import nl.lvssync.alert.StoredAlert;
import nl.lvssync.notification.OutboxEntry.Channel;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.school.SchoolRepository;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.sync.Students;
import nl.lvssync.time.ClockConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest (route {@code notification-digest}): per coordinator email address, the open alerts of their
 * schools (as routed by location and class), the deadlines of the coming seven days and the schools whose data
 * is stale; nothing is sent on a day without any of these. Also tells the administrators about stale schools.
 * Running it twice on a day adds nothing: the event ids are {@code digest:{email}:{date}} and
 * {@code school.stale:{school}:{date}}.
 */
@Component
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final int MAX_LISTED = 100;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.forLanguageTag("nl-NL"));

    private final SchoolDirectory schools;
    private final NotificationOutbox notifications;
    private final OutboxRepository outbox;
    private final OpenAlerts openAlerts;
    private final Students students;
    private final SchoolRepository schoolRepository;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DigestJob(SchoolDirectory schools, NotificationOutbox notifications, OutboxRepository outbox, OpenAlerts openAlerts,
              Students students, SchoolRepository schoolRepository, ObjectMapper json, Clock clock,
              PlatformTransactionManager transactions) {
        this.schools = schools;
        this.notifications = notifications;
        this.outbox = outbox;
        this.openAlerts = openAlerts;
        this.students = students;
        this.schoolRepository = schoolRepository;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the number of digests written to the outbox */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ClockConfig.AMSTERDAM).toLocalDate();
        Map<String, OutboxPayload.DigestSchool> state = new LinkedHashMap<>();
        for (School school : schools.all()) {
            OutboxPayload.DigestSchool s = state(school, now);
            state.put(school.id(), s);
            if (s.stale()) {
                String message = s.lastSuccessAt() == null ? "Nog nooit geslaagd gesynchroniseerd."
                        : "Laatste geslaagde synchronisatie: " + DATE_TIME.format(s.lastSuccessAt().atZone(ClockConfig.AMSTERDAM))
                        + " (langer dan " + s.staleAfterHours() + " uur geleden).";
                ownTransaction.executeWithoutResult(tx -> notifications.enqueue(
                        new NotificationEvent(NotificationEvent.SCHOOL_STALE, school.id(), null, "system", null, message)));
            }
        }
        int written = 0;
        for (Map.Entry<String, List<Assignment>> byEmail : coordinatorsByEmail().entrySet()) {
            OutboxPayload.Digest digest = digest(byEmail.getValue(), state, today);
            if (digest.open().isEmpty() && digest.schools().stream().noneMatch(OutboxPayload.DigestSchool::stale)) {
                continue;
            }
            Assignment first = byEmail.getValue().get(0);
            String eventId = NotificationEvent.DIGEST + ":" + byEmail.getKey() + ":" + today;
            boolean added = Boolean.TRUE.equals(ownTransaction.execute(tx -> outbox.insert(eventId, NotificationEvent.DIGEST,
                    first.school().id(), null, first.coordinator().email().trim(), first.coordinator().name(), Channel.EMAIL,
                    write(digest), now)));
            written += added ? 1 : 0;
        }
        log.info("Daily digest {}: {} digest(s) written to the outbox", today, written);
        return written;
    }

    private record Assignment(School school, Coordinator coordinator) {
    }

    private Map<String, List<Assignment>> coordinatorsByEmail() {
        Map<String, List<Assignment>> byEmail = new LinkedHashMap<>();
        for (School school : schools.all()) {
            for (Coordinator c : school.coordinators()) {
                if (c.email() != null && !c.email().isBlank()) {
                    byEmail.computeIfAbsent(c.email().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(new Assignment(school, c));
                }
            }
        }
        return byEmail;
    }

    private OutboxPayload.Digest digest(List<Assignment> assignments, Map<String, OutboxPayload.DigestSchool> state,
                                        LocalDate today) {
        List<AlertLine> open = new ArrayList<>();
        List<OutboxPayload.DigestSchool> mySchools = new ArrayList<>();
        for (Assignment a : assignments) {
            if (mySchools.stream().noneMatch(s -> s.id().equals(a.school().id()))) {
                mySchools.add(state.get(a.school().id()));
            }
            open.addAll(openAlerts(a.school(), a.coordinator()));
        }
        List<AlertLine> deadlines = open.stream()
                .filter(l -> l.deadline() != null && !l.deadline().isAfter(today.plusDays(6)))
                .sorted(java.util.Comparator.comparing(AlertLine::deadline))
                .toList();
        int notListed = Math.max(0, open.size() - MAX_LISTED);
        return new OutboxPayload.Digest(today, mySchools, open.subList(0, open.size() - notListed), deadlines, notListed);
    }

    /** The school's OPEN and ACKNOWLEDGED alerts that the routing would send to this coordinator. */
    private List<AlertLine> openAlerts(School school, Coordinator coordinator) {
        List<StoredAlert> open = openAlerts.of(school.id());
        Map<String, StudentRecord> byId = students.find(school.id(),
                open.stream().map(StoredAlert::studentLvsId).collect(Collectors.toSet()));
        List<AlertLine> lines = new ArrayList<>();
        for (StoredAlert a : open) {
            Optional<StudentRecord> s = Optional.ofNullable(byId.get(a.studentLvsId()));
            String klas = s.map(StudentRecord::klas).orElse(null);
            String location = s.map(StudentRecord::locatie).orElse(null);
            if (CoordinatorRouting.recipients(school, location, klas, null).contains(coordinator)) {
                lines.add(new AlertLine(a.id(), a.schoolId(), s.map(r -> StudentNames.shortName(r.roepnaam(),
                        r.tussenvoegsel(), r.achternaam(), null)).orElse(null), klas, a.rule(), a.signal(), a.startDate(),
                        a.endDate(), a.hours(), a.deadline(), a.status().name(), a.incomplete(), false));
            }
        }
        return lines;
    }

    private OutboxPayload.DigestSchool state(School school, Instant now) {
        Instant lastSuccess = schoolRepository.syncTimes(school.id()).lastSuccess();
        boolean stale = lastSuccess == null
                || lastSuccess.isBefore(now.minus(Duration.ofHours(school.staleAfterHours())));
        return new OutboxPayload.DigestSchool(school.id(), school.name(), stale, lastSuccess, school.staleAfterHours());
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest cannot be written", e);
        }
    }
}
