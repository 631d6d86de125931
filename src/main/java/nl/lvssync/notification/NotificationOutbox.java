package nl.lvssync.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lvssync.notification.OutboxEntry.Channel;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.Students;
import nl.lvssync.time.ClockConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides who hears of an event and writes one outbox row per recipient and channel, in the caller's
 * transaction: the alert change and its notifications commit (or roll back) together. Delivery is the
 * {@link NotificationDispatcher}'s job.
 */
@Component
class NotificationOutbox {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

    private static final Set<String> TYPES = Set.of(NotificationEvent.ALERT_RAISED, NotificationEvent.ALERT_WITHDRAWN,
            NotificationEvent.ALERT_OVERDUE, NotificationEvent.SYNC_FAILED, NotificationEvent.SCHOOL_STALE);

    private final SchoolDirectory schools;
    private final List<String> adminEmails;
    private final OutboxRepository outbox;
    private final Students students;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationOutbox(SchoolDirectory schools, AdminEmails admins, OutboxRepository outbox,
                              Students students, ObjectMapper json, Clock clock) {
        this.schools = schools;
        this.adminEmails = admins.adminEmails();
        this.outbox = outbox;
        this.students = students;
        this.json = json;
        this.clock = clock;
    }

    /** Writes one outbox entry per recipient/channel in the caller's transaction. */
    public void enqueue(NotificationEvent event) {
        enqueue(event, defaultEventId(event));
    }

    /**
     * As {@link #enqueue(NotificationEvent)} with the caller's own event id: a second enqueue with the same id
     * adds nothing for a recipient that already has it.
     *
     * @return the number of new outbox rows
     */
    public int enqueue(NotificationEvent event, String eventId) {
        if (event.type() == null || !TYPES.contains(event.type())) {
            throw new IllegalArgumentException("unknown notification type '" + event.type() + "', expected one of " + TYPES);
        }
        if (event.isAlertEvent() && (event.alert() == null || event.alertId() == null)) {
            throw new IllegalArgumentException(event.type() + " needs the alert and its id");
        }
        Optional<School> school = schools.find(event.schoolId());
        if (school.isEmpty()) {
            log.warn("Notification {} for unknown school '{}' is not sent to anyone", eventId, event.schoolId());
            return 0;
        }
        if (!anyRecipient(event.type(), school.get())) {
            log.debug("Notification {} for school {}: nobody to tell", eventId, school.get().id());
            return 0;
        }
        Instant now = clock.instant();
        StudentInfo student = event.isAlertEvent() ? student(school.get().id(), event.alert()) : StudentInfo.NONE;
        String payload = write(new OutboxPayload.Event(event.type(), eventId, school.get().id(), school.get().name(),
                event.actor(), event.message(), event.isAlertEvent() ? leastData(event.alert()) : null,
                student.shortName(), student.className(), now));
        int written = 0;
        if (event.isAdminEvent()) {
            for (String admin : adminEmails) {
                written += insert(eventId, event, admin, null, Channel.EMAIL, payload, now);
            }
        }
        if (event.isAlertEvent() || NotificationEvent.SYNC_FAILED.equals(event.type())) {
            List<Coordinator> coordinators = event.isAlertEvent()
                    ? CoordinatorRouting.recipients(school.get(), student.location(), student.className(), event.actor())
                    : CoordinatorRouting.recipients(school.get(), null, null, event.actor());
            for (Coordinator c : coordinators) {
                // a failed sync reaches coordinators only through their webhooks; mail about it is for administrators
                if (event.isAlertEvent() && hasText(c.email())) {
                    written += insert(eventId, event, c.email().trim(), c.name(), Channel.EMAIL, payload, now);
                }
                if (hasText(c.webhook())) {
                    written += insert(eventId, event, c.webhook().trim(), c.name(), Channel.WEBHOOK, payload, now);
                }
            }
        }
        log.debug("Notification {} for school {}: {} outbox row(s)", eventId, school.get().id(), written);
        return written;
    }

    /**
     * Whether an event of this type for this school can reach anyone at all: a school without a coordinator to mail or
     * call, for an event no administrator hears of, gets no outbox row, so nothing need be prepared (the student looked
     * up, the payload written). A rules pass raising thousands of alerts at such a school is spared that per alert.
     */
    boolean anyRecipient(String type, String schoolId) {
        // an unknown school is left to enqueue, which says so in the log
        return schools.find(schoolId).map(s -> anyRecipient(type, s)).orElse(true);
    }

    private boolean anyRecipient(String type, School school) {
        boolean admins = (NotificationEvent.SYNC_FAILED.equals(type) || NotificationEvent.SCHOOL_STALE.equals(type))
                && !adminEmails.isEmpty();
        boolean coordinators = (type.startsWith("alert.") || NotificationEvent.SYNC_FAILED.equals(type))
                && school.coordinators().stream().anyMatch(c -> hasText(c.email()) || hasText(c.webhook()));
        return admins || coordinators;
    }

    /**
     * One id per alert change (its updatedAt), and one per school and day for sync and school events: that is what
     * keeps administrators to one mail per school per day.
     */
    String defaultEventId(NotificationEvent event) {
        if (event.isAlertEvent()) {
            Object version = event.alert() == null ? null : event.alert().get("updatedAt");
            return event.type() + ":" + event.alertId() + (version == null ? "" : ":" + version);
        }
        return event.type() + ":" + event.schoolId() + ":" + clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    private int insert(String eventId, NotificationEvent event, String recipient, String name, Channel channel,
                       String payload, Instant now) {
        return outbox.insert(eventId, event.type(), event.schoolId(), event.alertId(), recipient, name, channel, payload, now)
                ? 1 : 0;
    }

    /** Only the contract's fields go out: whatever else a caller put in the map (a BSN, a reason) stays here. */
    static Map<String, Object> leastData(Map<String, Object> alert) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("id", "school", "student", "rule", "signal", "startDate", "endDate", "hours",
                "deadline", "status", "incomplete", "createdAt", "updatedAt")) {
            Object value = alert.get(key);
            if ("student".equals(key) && value instanceof Map<?, ?> student) {
                Map<String, Object> s = new LinkedHashMap<>();
                for (String k : List.of("lvsId", "name", "class")) {
                    if (student.get(k) != null) {
                        s.put(k, student.get(k));
                    }
                }
                value = s;
            }
            if (value != null && !("signal".equals(key) && value.toString().isBlank())) {
                out.put(key, value);
            }
        }
        // O4: long-term absence of a student with an OPP says so, and only that: the plan's contents stay in LVS Sync
        if ("LRV".equals(alert.get("rule")) && alert.get("opp") != null) {
            out.put("hasOpp", true);
        }
        return out;
    }

    private record StudentInfo(String shortName, String className, String location) {
        static final StudentInfo NONE = new StudentInfo(null, null, null);
    }

    private StudentInfo student(String schoolId, Map<String, Object> alert) {
        Map<?, ?> s = alert.get("student") instanceof Map<?, ?> m ? m : Map.of();
        String lvsId = s.get("lvsId") == null ? null : s.get("lvsId").toString();
        String jsonName = s.get("name") == null ? null : s.get("name").toString();
        String jsonClass = s.get("class") == null ? null : s.get("class").toString();
        if (!hasText(lvsId)) {
            return new StudentInfo(StudentNames.shorten(jsonName), jsonClass, null);
        }
        return students.find(schoolId, lvsId)
                .map(r -> new StudentInfo(StudentNames.shortName(r.roepnaam(), r.tussenvoegsel(), r.achternaam(), jsonName),
                        hasText(jsonClass) ? jsonClass : r.klas(), r.locatie()))
                .orElse(new StudentInfo(StudentNames.shorten(jsonName), jsonClass, null));
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload cannot be written", e);
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
