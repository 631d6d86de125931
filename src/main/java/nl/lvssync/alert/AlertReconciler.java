package nl.lvssync.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.lvssync.verzuim.Bevinding;
import nl.lvssync.verzuim.Bijdrage;
import nl.lvssync.verzuim.Regel;
import org.springframework.stereotype.Component;

/**
 * Brings one student's stored alerts in line with what the rules find now: one alert per rule, student and
 * start date however often it runs; alerts the data no longer supports are WITHDRAWN, never deleted, with the
 * records and verdicts that changed in their history.
 */
@Component
class AlertReconciler {

    static final String SYSTEM = "system";
    static final List<String> STUDENT_RULES = List.of(Regel.LEGAL_16H.name(), Regel.LRV.name(), Regel.LUXE.name(),
            Regel.SIGNAL.name(), Regel.MAZL.name());

    private final AlertRepository alerts;
    private final AlertEvents events;
    private final Clock clock;

    AlertReconciler(AlertRepository alerts, AlertEvents events, Clock clock) {
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    /** Changes counted by kind, for the log and the sync summary. */
    public record Outcome(int raised, int updated, int withdrawn) {
        Outcome plus(Outcome o) {
            return new Outcome(raised + o.raised, updated + o.updated, withdrawn + o.withdrawn);
        }
    }

    /**
     * @param horizon alerts starting before this day were not evaluated (their data was not read) and are left alone
     * @param stale   the school's data is stale: every alert is marked incomplete
     */
    /** Who has any alert of the rules this class reconciles: a student outside it with no findings needs no reconciling. */
    Set<String> studentsWithAlerts(String school) {
        return alerts.studentsWithAlerts(school, STUDENT_RULES);
    }

    public Outcome reconcile(String school, String student, List<Bevinding> findings, LocalDate horizon, boolean stale) {
        Instant now = clock.instant();
        Map<String, StoredAlert> existing = alerts.forStudent(school, student, STUDENT_RULES, horizon).stream()
                .collect(Collectors.toMap(StoredAlert::key, a -> a, (a, b) -> a, LinkedHashMap::new));
        int raised = 0;
        int updated = 0;
        int withdrawn = 0;
        for (Bevinding f : findings) {
            if (f.startDatum().isBefore(horizon)) {
                continue;
            }
            StoredAlert found = toStored(school, student, f, stale, now);
            StoredAlert old = existing.remove(found.key());
            if (old == null) {
                alerts.insert(found);
                alerts.replaceRecords(found.id(), f.bijdragen());
                alerts.history(found.id(), now, SYSTEM, "RAISED", null, AlertStatus.OPEN, describe(f));
                events.publish(AlertChanged.Change.RAISED, found.id(), SYSTEM, null);
                raised++;
            } else if (old.status() == AlertStatus.WITHDRAWN) {
                // re-coded back to unexcused: the same alert comes back, its history shows both changes
                StoredAlert back = merge(old, found, AlertStatus.OPEN, now);
                alerts.update(back);
                alerts.replaceRecords(old.id(), f.bijdragen());
                alerts.history(old.id(), now, SYSTEM, "REINSTATED", AlertStatus.WITHDRAWN, AlertStatus.OPEN, describe(f));
                events.publish(AlertChanged.Change.RAISED, old.id(), SYSTEM, null);
                raised++;
            } else if (old.status() != AlertStatus.CLOSED && changed(old, found, f)) {
                StoredAlert next = merge(old, found, old.status(), now);
                alerts.update(next);
                alerts.replaceRecords(old.id(), f.bijdragen());
                alerts.history(old.id(), now, SYSTEM, "REEVALUATED", old.status(), old.status(),
                        "was: " + summary(old) + "; now: " + describe(f));
                updated++;
            }
        }
        for (StoredAlert gone : existing.values()) {
            if (!gone.status().isLive()) {
                continue;
            }
            alerts.changeStatus(gone.id(), gone.status(), AlertStatus.WITHDRAWN, now);
            alerts.history(gone.id(), now, SYSTEM, "WITHDRAWN", gone.status(), AlertStatus.WITHDRAWN,
                    "The records no longer reach the rule's threshold. Records then and now: " + recordsNow(gone.id()));
            events.publish(AlertChanged.Change.WITHDRAWN, gone.id(), SYSTEM, gone.status() == AlertStatus.REPORTED
                    ? "Deze melding is al bij DUO gedaan: trek haar in het verzuimregister in (status Ingetrokken)." : null);
            withdrawn++;
        }
        return new Outcome(raised, updated, withdrawn);
    }

    private String recordsNow(String alertId) {
        return alerts.records(alertId).stream()
                .map(r -> r.absenceLvsId() + " " + r.date() + " " + r.code() + " " + r.verdict() + " -> "
                        + (Boolean.TRUE.equals(r.deleted()) ? "deleted in the LVS" : r.currentVerdict()))
                .collect(Collectors.joining("; "));
    }

    private static StoredAlert toStored(String school, String student, Bevinding f, boolean stale, Instant now) {
        return new StoredAlert(UUID.randomUUID().toString(), school, student, f.regel().name(),
                f.signaal() == null ? "" : f.signaal().name(), f.startDatum(), f.eindDatum(), scale(f.uren()), f.deadline(),
                f.vensterVan(), f.vensterTot(), AlertStatus.OPEN, f.onvolledig() || stale, f.statusOnbekend(),
                f.alleLessenGemist(), f.verzuimdagen(), f.toelichting(), now, now, null);
    }

    private static StoredAlert merge(StoredAlert old, StoredAlert found, AlertStatus status, Instant now) {
        // a deadline moved into the future un-escalates, so the alert can escalate again if that one passes too
        Instant escalated = old.escalatedAt() != null && Objects.equals(old.deadline(), found.deadline()) ? old.escalatedAt() : null;
        return new StoredAlert(old.id(), old.schoolId(), old.studentLvsId(), old.rule(), old.signal(), old.startDate(),
                found.endDate(), found.hours(), found.deadline(), found.windowFrom(), found.windowTo(), status,
                found.incomplete(), found.statusUnknown(), found.allLessonsMissed(), found.verzuimdagen(),
                found.explanation(), old.createdAt(), now, escalated);
    }

    private boolean changed(StoredAlert old, StoredAlert found, Bevinding f) {
        if (!Objects.equals(old.endDate(), found.endDate()) || !sameHours(old.hours(), found.hours())
                || !Objects.equals(old.deadline(), found.deadline()) || !Objects.equals(old.windowFrom(), found.windowFrom())
                || !Objects.equals(old.windowTo(), found.windowTo()) || old.incomplete() != found.incomplete()
                || old.statusUnknown() != found.statusUnknown()
                || !Objects.equals(old.allLessonsMissed(), found.allLessonsMissed())
                || !Objects.equals(old.verzuimdagen(), found.verzuimdagen())
                || !Objects.equals(old.explanation(), found.explanation())) {
            return true;
        }
        List<String> before = alerts.records(old.id()).stream()
                .map(r -> r.absenceLvsId() + "|" + r.verdict() + "|" + scale(r.hours())).sorted().toList();
        List<String> now = new ArrayList<>(f.bijdragen().stream()
                .map(b -> b.absentieLvsId() + "|" + (b.verdict() == null ? null : b.verdict().name()) + "|" + scale(b.uren()))
                .sorted().toList());
        return !before.equals(now);
    }

    private static boolean sameHours(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static BigDecimal scale(BigDecimal hours) {
        return hours == null ? null : hours.setScale(2, RoundingMode.HALF_UP);
    }

    private static String summary(StoredAlert a) {
        return a.startDate() + ".." + a.endDate() + ", " + a.hours() + " h";
    }

    static String describe(Bevinding f) {
        StringBuilder d = new StringBuilder();
        d.append(f.regel()).append(f.signaal() == null ? "" : "/" + f.signaal()).append(' ')
                .append(f.startDatum()).append("..").append(f.eindDatum());
        if (f.uren() != null) {
            d.append(", ").append(scale(f.uren())).append(" h");
        }
        d.append(", window ").append(f.vensterVan()).append("..").append(f.vensterTot());
        if (f.toelichting() != null) {
            d.append(". ").append(f.toelichting());
        }
        d.append(". Records: ");
        for (Bijdrage b : f.bijdragen()) {
            d.append(b.absentieLvsId()).append(' ').append(b.datum()).append(' ').append(b.code()).append(' ')
                    .append(b.verdict()).append(' ').append(scale(b.uren())).append("h; ");
        }
        return d.toString();
    }
}
