package nl.lvssync.lvs.somtoday;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.school.CodeTable;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.sync.AbsenceRecord;

/**
 * Lays an absentiemelding onto the student's lessons: one absence per lesson it covers. A melding may span lessons
 * (beginLesuur..eindLesuur) or days; an open one (no eindDatumTijd) covers every lesson up to and including today.
 * The lessons are the student's waarnemingen of type LES: a cancelled lesson has none, so a melding over it adds no
 * hour. A late arrival (absentieSoort Telaat) lies on the lesson it began in, with the arrival (eindDatumTijd) as the
 * registration's start, so the rules see the minutes late.
 */
final class MeldingMapping {

    private final CodeTable codes;
    private final Map<String, Reden> reasons;
    private final LocalDate today;
    private final Predicate<LocalDate> lesdag;

    /**
     * @param reasons the school's absentieredenen by afkorting, completing what a melding's reason leaves out
     * @param lesdag  the school calendar: used only for a day on which the student has no lesson data at all
     */
    MeldingMapping(CodeTable codes, Map<String, Reden> reasons, LocalDate today, Predicate<LocalDate> lesdag) {
        this.codes = codes;
        this.reasons = reasons;
        this.today = today;
        this.lesdag = lesdag;
    }

    /**
     * The absences of one melding on the given lessons of its student (in time order), limited to days from..to.
     *
     * @param lessonDays the days in from..to on which the student has lesson data
     */
    List<AbsenceRecord> absences(Melding m, List<Les> lessons, java.util.Set<LocalDate> lessonDays, LocalDate from,
                                 LocalDate to) {
        Reden reden = m.reden() == null ? null
                : m.reden().completedBy(m.reden().afkorting() == null ? null : reasons.get(m.reden().afkorting()));
        Verdict verdict = codes.verdict(reden == null ? null : reden.afkorting(),
                reden == null ? 1 : reden.verantwoordingtype(), reden == null ? null : reden.geoorloofd());
        List<AbsenceRecord> result = new ArrayList<>();
        if (reden != null && reden.teLaat()) {
            late(m, reden, verdict, lessons, from, to).ifPresent(result::add);
            return result;
        }
        Instant end = m.end() != null ? m.end() : today.plusDays(1).atStartOfDay(ClockConfig.AMSTERDAM).toInstant();
        for (Les les : lessons) {
            if (les.date().isBefore(from) || les.date().isAfter(to) || les.date().isAfter(today)) {
                continue;
            }
            if (les.start().isBefore(end) && les.end().isAfter(m.begin())) {
                result.add(record(m.id() + "-" + les.id(), les.id(), les.date(), max(m.begin(), les.start()),
                        min(end, les.end()), les.start(), les.end(), les.beginLesuur(), reden, verdict));
            }
        }
        // no lesson data that lesdag (waarnemingen not readable, or not registered yet): a closed melding within one
        // day counts its own times, as a CSV absence without a timetable does; a longer one cannot be sized, and a
        // day of clock time would count far too many hours
        LocalDate day = SomtodayTime.localDate(m.begin());
        if (m.end() != null && day.equals(SomtodayTime.localDate(m.end())) && !lessonDays.contains(day)
                && !day.isBefore(from) && !day.isAfter(to) && !day.isAfter(today) && isLesdag(day)) {
            result.add(record(m.id() + "-" + day, null, day, m.begin(), m.end(), null, null, m.beginLesuur(), reden, verdict));
        }
        return result;
    }

    /**
     * A lesson whose waarneming says "Afwezig" while no melding covers it: the teacher saw the student absent and
     * nobody reported why. Counted as an absence, so an unreported absence (spijbelen) is never lost: its own
     * absentieReden decides through the code table when it has one; without one it is unexcused, the reading that
     * never hides a legal alert (a later melding with a reason takes its place, and a verdict that changes withdraws
     * what it raised).
     */
    java.util.Optional<AbsenceRecord> unreported(Les les, LocalDate from, LocalDate to) {
        if (!les.afwezig() || les.date().isBefore(from) || les.date().isAfter(to) || les.date().isAfter(today)) {
            return java.util.Optional.empty();
        }
        Reden reden = les.reden() == null ? null
                : les.reden().completedBy(les.reden().afkorting() == null ? null : reasons.get(les.reden().afkorting()));
        Verdict verdict = reden == null ? Verdict.UNEXCUSED
                : codes.verdict(reden.afkorting(), reden.verantwoordingtype(), reden.geoorloofd());
        AbsenceRecord r = record("waarneming-" + les.id(), les.id(), les.date(), les.start(), les.end(), les.start(),
                les.end(), les.beginLesuur(), reden, verdict);
        return java.util.Optional.of(reden != null ? r : new AbsenceRecord(r.lvsId(), r.lessonLvsId(), r.date(), r.start(),
                r.end(), r.lessonStart(), r.lessonEnd(), r.lesuur(), null, "Afwezig zonder melding", null, null, verdict,
                false));
    }

    private java.util.Optional<AbsenceRecord> late(Melding m, Reden reden, Verdict verdict, List<Les> lessons,
                                                   LocalDate from, LocalDate to) {
        LocalDate day = SomtodayTime.localDate(m.begin());
        if (day.isBefore(from) || day.isAfter(to)) {
            return java.util.Optional.empty();
        }
        Les les = lessons.stream()
                .filter(l -> !m.begin().isBefore(l.start()) && m.begin().isBefore(l.end()))
                .findFirst()
                .or(() -> lessons.stream().filter(l -> l.date().equals(day) && m.beginLesuur() != null
                        && m.beginLesuur().equals(l.beginLesuur())).findFirst())
                .orElse(null);
        // the melding begins at the lesson's start and ends at the arrival: minutes late = arrival - lesson start
        Instant lessonStart = les != null ? les.start() : m.begin();
        Instant arrival = m.end() != null && m.end().isAfter(lessonStart) ? m.end() : lessonStart;
        Instant lessonEnd = les != null ? les.end() : null;
        Instant end = lessonEnd != null && lessonEnd.isAfter(arrival) ? lessonEnd : arrival;
        return java.util.Optional.of(record(m.id() + "-" + (les != null ? les.id() : day.toString()),
                les == null ? null : les.id(), day, arrival, end, lessonStart, lessonEnd,
                les != null && les.beginLesuur() != null ? les.beginLesuur() : m.beginLesuur(), reden, verdict));
    }

    private boolean isLesdag(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && lesdag.test(day);
    }

    private AbsenceRecord record(String id, String lessonId, LocalDate date, Instant start, Instant end, Instant lessonStart,
                                 Instant lessonEnd, Integer lesuur, Reden reden, Verdict verdict) {
        return new AbsenceRecord(id, lessonId, date, start, end, lessonStart, lessonEnd, lesuur,
                reden == null ? null : reden.afkorting(), reden == null ? null : reden.omschrijving(),
                reden == null ? null : reden.verantwoordingtype(), reden == null ? null : reden.geoorloofd(), verdict, false);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
