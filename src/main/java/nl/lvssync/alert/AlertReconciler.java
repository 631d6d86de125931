package nl.lvssync.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Who has any alert of the rules this class reconciles: a student outside it with no findings needs no reconciling. */
    Set<String> studentsWithAlerts(String school) {
        return alerts.studentsWithAlerts(school, STUDENT_RULES);
    }

    /**
     * Brings the stored alerts of a chunk of students in line with their findings: their alerts read in one query, the
     * records of the alerts that may not have changed in one more, and every difference written in batches. Call in one
     * transaction: the chunk's alerts, history and notifications commit together or not at all.
     *
     * @param byStudent each student's findings, in student order
     * @param horizon   alerts starting before this day were not evaluated (their data was not read) and are left alone
     * @param stale     the school's data is stale: every alert is marked incomplete
     */
    public Outcome reconcile(String school, Map<String, List<Bevinding>> byStudent, LocalDate horizon, boolean stale) {
        if (byStudent.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Instant now = clock.instant();
        Map<String, Map<String, StoredAlert>> existing = new HashMap<>();
        for (StoredAlert a : alerts.forStudents(school, byStudent.keySet(), STUDENT_RULES, horizon)) {
            existing.computeIfAbsent(a.studentLvsId(), k -> new LinkedHashMap<>()).putIfAbsent(a.key(), a);
        }
        Changes changes = new Changes(now);
        List<Unchanged> sameFields = new ArrayList<>();
        byStudent.forEach((student, findings) -> {
            Map<String, StoredAlert> held = existing.getOrDefault(student, new LinkedHashMap<>());
            for (Bevinding f : findings) {
                if (f.startDatum().isBefore(horizon)) {
                    continue;
                }
                StoredAlert found = toStored(school, student, f, stale, now);
                StoredAlert old = held.remove(found.key());
                if (old == null) {
                    changes.raise(found, f);
                } else if (old.status() == AlertStatus.WITHDRAWN) {
                    changes.reinstate(old, found, f);
                } else if (old.status() != AlertStatus.CLOSED) {
                    if (fieldsChanged(old, found)) {
                        changes.reevaluate(old, found, f);
                    } else {
                        sameFields.add(new Unchanged(old, found, f));
                    }
                }
            }
            held.values().stream().filter(gone -> gone.status().isLive()).forEach(changes::withdraw);
        });
        // the same figures can still rest on other records (one absence re-coded, another added): compare those too
        Map<String, List<AlertRepository.RecordKey>> before = alerts.recordKeys(
                sameFields.stream().map(u -> u.old().id()).toList());
        for (Unchanged u : sameFields) {
            if (!sameRecords(before.getOrDefault(u.old().id(), List.of()), u.finding())) {
                changes.reevaluate(u.old(), u.found(), u.finding());
            }
        }
        return changes.write();
    }

    private record Unchanged(StoredAlert old, StoredAlert found, Bevinding finding) {
    }

    /** What one reconciliation writes, gathered so that each kind of row goes to the database in one batch. */
    private final class Changes {
        private final Instant now;
        private final List<StoredAlert> inserts = new ArrayList<>();
        private final List<StoredAlert> updates = new ArrayList<>();
        private final List<StoredAlert> withdrawals = new ArrayList<>();
        private final Map<String, List<Bijdrage>> records = new LinkedHashMap<>();
        private final Set<String> heldRecords = new HashSet<>();
        private final List<AlertRepository.NewHistory> history = new ArrayList<>();
        private final List<AlertEvents.Change> events = new ArrayList<>();
        private int raised;
        private int updated;

        Changes(Instant now) {
            this.now = now;
        }

        void raise(StoredAlert found, Bevinding f) {
            inserts.add(found);
            records.put(found.id(), f.bijdragen());
            history.add(new AlertRepository.NewHistory(found.id(), now, SYSTEM, "RAISED", null, AlertStatus.OPEN, describe(f)));
            events.add(new AlertEvents.Change(AlertChanged.Change.RAISED, found.id(), SYSTEM, null));
            raised++;
        }

        /** Re-coded back to unexcused: the same alert comes back, its history shows both changes. */
        void reinstate(StoredAlert old, StoredAlert found, Bevinding f) {
            updates.add(merge(old, found, AlertStatus.OPEN, now));
            records.put(old.id(), f.bijdragen());
            heldRecords.add(old.id());
            history.add(new AlertRepository.NewHistory(old.id(), now, SYSTEM, "REINSTATED", AlertStatus.WITHDRAWN,
                    AlertStatus.OPEN, describe(f)));
            events.add(new AlertEvents.Change(AlertChanged.Change.RAISED, old.id(), SYSTEM, null));
            raised++;
        }

        void reevaluate(StoredAlert old, StoredAlert found, Bevinding f) {
            updates.add(merge(old, found, old.status(), now));
            records.put(old.id(), f.bijdragen());
            heldRecords.add(old.id());
            history.add(new AlertRepository.NewHistory(old.id(), now, SYSTEM, "REEVALUATED", old.status(), old.status(),
                    "was: " + summary(old) + "; now: " + describe(f)));
            updated++;
        }

        void withdraw(StoredAlert gone) {
            withdrawals.add(gone);
            history.add(new AlertRepository.NewHistory(gone.id(), now, SYSTEM, "WITHDRAWN", gone.status(), AlertStatus.WITHDRAWN,
                    "The records no longer reach the rule's threshold. Records then and now: " + recordsNow(gone.id())));
            events.add(new AlertEvents.Change(AlertChanged.Change.WITHDRAWN, gone.id(), SYSTEM,
                    gone.status() == AlertStatus.REPORTED
                            ? "Deze melding is al bij DUO gedaan: trek haar in het verzuimregister in (status Ingetrokken)."
                            : null));
        }

        Outcome write() {
            alerts.insertAll(inserts);
            alerts.updateAll(updates);
            // one by one, each only if its status is still the one read: rare, and a person may be acting on it
            withdrawals.forEach(gone -> alerts.changeStatus(gone.id(), gone.status(), AlertStatus.WITHDRAWN, now));
            alerts.replaceRecords(records, heldRecords);
            alerts.historyAll(history);
            AlertReconciler.this.events.publishAll(events);
            return new Outcome(raised, updated, withdrawals.size());
        }
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

    private static boolean fieldsChanged(StoredAlert old, StoredAlert found) {
        return !Objects.equals(old.endDate(), found.endDate()) || !sameHours(old.hours(), found.hours())
                || !Objects.equals(old.deadline(), found.deadline()) || !Objects.equals(old.windowFrom(), found.windowFrom())
                || !Objects.equals(old.windowTo(), found.windowTo()) || old.incomplete() != found.incomplete()
                || old.statusUnknown() != found.statusUnknown()
                || !Objects.equals(old.allLessonsMissed(), found.allLessonsMissed())
                || !Objects.equals(old.verzuimdagen(), found.verzuimdagen())
                || !Objects.equals(old.explanation(), found.explanation());
    }

    private static boolean sameRecords(List<AlertRepository.RecordKey> stored, Bevinding f) {
        List<String> before = stored.stream().map(r -> r.absenceLvsId() + "|" + r.verdict() + "|" + scale(r.hours()))
                .sorted().toList();
        List<String> now = f.bijdragen().stream()
                .map(b -> b.absentieLvsId() + "|" + (b.verdict() == null ? null : b.verdict().name()) + "|" + scale(b.uren()))
                .sorted().toList();
        return before.equals(now);
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
