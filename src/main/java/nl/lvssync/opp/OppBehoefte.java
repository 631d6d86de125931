package nl.lvssync.opp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.lvssync.school.School;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.StudentRecord;

/**
 * Whether a student needs an OPP, by the school's {@code opp.required-when} over their enrolment (aanmelding,
 * plaatsing), and since when: the date O1's six weeks count from. Plain Java.
 *
 * @param nodig      the current enrolment matches the school's rule
 * @param reden      which part of the rule it matches, in the school's words ("alle leerlingen", "profiel TOP")
 * @param plaatsing  the enrolment or placement date: the first day of the unbroken run of enrolments that need an OPP
 *                   up to the current one; null when the LVS gives none
 * @param bron       where that date comes from
 * @param arrangement the arrangement the enrolment's codes mean ({@code opp.arrangement-codes}), or null
 */
public record OppBehoefte(boolean nodig, String reden, LocalDate plaatsing, Bron bron, String arrangement) {

    /** Where the placement date comes from. */
    public enum Bron {
        /** the enrolment's begin date in the LVS */
        LVS,
        /**
         * the LVS gives no date: the day LVS Sync first read the student, or the day an earlier plan was drawn up or
         * set: the latest the placement can have been
         */
        EERST_GEZIEN,
        /** no date at all */
        ONBEKEND
    }

    static final OppBehoefte GEEN = new OppBehoefte(false, null, null, Bron.ONBEKEND, null);

    /**
     * @param firstSeen the day LVS Sync first read the student (the fallback placement date)
     * @param lesdag    whether a day is a lesdag: a gap between two enrolments without one (a summer holiday) does not
     *                  break the run, so a student re-enrolled every school year keeps the date of their first placement
     */
    public static OppBehoefte bepaal(School.Opp opp, StudentRecord student, List<EnrolmentRecord> enrolments,
                                     LocalDate firstSeen, LocalDate today, Predicate<LocalDate> lesdag) {
        School.RequiredWhen rule = opp.requiredWhen();
        List<EnrolmentRecord> sorted = new ArrayList<>(enrolments);
        sorted.sort(Comparator.comparing(EnrolmentRecord::begin, Comparator.nullsFirst(Comparator.naturalOrder())));
        Optional<EnrolmentRecord> current = current(sorted, today);
        // a student the LVS gives no enrolment for is judged by the student list's study and class
        EnrolmentRecord basis = current.orElse(new EnrolmentRecord(null, student.studie(), student.klas(), null, null, null,
                null, null, null, null, null, student.locatie()));
        String arrangement = arrangement(opp.arrangementCodes(), basis);
        String reden = reden(rule, basis);
        if (reden == null) {
            return new OppBehoefte(false, null, null, Bron.ONBEKEND, arrangement);
        }
        LocalDate start = basis.begin();
        if (current.isPresent() && start != null) {
            int i = sorted.indexOf(current.get());
            for (int j = i - 1; j >= 0; j--) {
                EnrolmentRecord before = sorted.get(j);
                if (before.begin() == null || reden(rule, before) == null || !aaneengesloten(before, start, lesdag)) {
                    break;
                }
                start = before.begin().isBefore(start) ? before.begin() : start;
            }
        }
        if (start != null) {
            return new OppBehoefte(true, reden, start, Bron.LVS, arrangement);
        }
        return firstSeen != null ? new OppBehoefte(true, reden, firstSeen, Bron.EERST_GEZIEN, arrangement)
                : new OppBehoefte(true, reden, null, Bron.ONBEKEND, arrangement);
    }

    /**
     * Without an enrolment date in the LVS, a plan the school drew up or set earlier than we first saw the student
     * shows they were placed by then: the placement can have been no later than that day.
     */
    OppBehoefte uiterlijk(LocalDate planDatum) {
        if (bron != Bron.EERST_GEZIEN || planDatum == null || !planDatum.isBefore(plaatsing)) {
            return this;
        }
        return new OppBehoefte(nodig, reden, planDatum, bron, arrangement);
    }

    /** The enrolment of today (the latest begun that has not ended); else the latest begun; else the first to come. */
    private static Optional<EnrolmentRecord> current(List<EnrolmentRecord> sorted, LocalDate today) {
        EnrolmentRecord covering = null;
        EnrolmentRecord begun = null;
        for (EnrolmentRecord e : sorted) {
            if (e.begin() != null && e.begin().isAfter(today)) {
                continue;
            }
            begun = e;
            if (e.end() == null || !e.end().isBefore(today)) {
                covering = e;
            }
        }
        EnrolmentRecord chosen = covering != null ? covering : begun != null ? begun : sorted.isEmpty() ? null : sorted.get(0);
        return Optional.ofNullable(chosen);
    }

    private static boolean aaneengesloten(EnrolmentRecord before, LocalDate next, Predicate<LocalDate> lesdag) {
        if (before.end() == null || !before.end().isBefore(next)) {
            return true;
        }
        for (LocalDate d = before.end().plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
            if (lesdag.test(d)) {
                return false;
            }
        }
        return true;
    }

    /** The part of the rule the enrolment matches, or null. */
    static String reden(School.RequiredWhen rule, EnrolmentRecord e) {
        if (rule.all()) {
            return "alle leerlingen";
        }
        for (List<String> studies : List.of(rule.studie(), rule.opleiding())) {
            String hit = match(studies, e.studie());
            if (hit != null) {
                return "studie " + e.studie();
            }
        }
        for (List<String> groups : List.of(rule.groep(), rule.klas())) {
            for (String value : new String[] {e.groep(), e.groepOmschrijving()}) {
                if (match(groups, value) != null) {
                    return "groep " + value;
                }
            }
        }
        for (String value : new String[] {e.profiel(), e.profiel2()}) {
            if (match(rule.profiel(), value) != null) {
                return "profiel " + value;
            }
        }
        return null;
    }

    /** The first pattern the value matches: whole, case-insensitive, {@code *} for any text. */
    static String match(List<String> patterns, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String regex = java.util.Arrays.stream(p.strip().toLowerCase(Locale.ROOT).split("\\*", -1))
                    .map(java.util.regex.Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
            if (v.matches(regex)) {
                return p;
            }
        }
        return null;
    }

    /** The arrangement the enrolment's codes mean: its profiles first, then its group and study. */
    static String arrangement(Map<String, String> codes, EnrolmentRecord e) {
        if (codes.isEmpty()) {
            return null;
        }
        for (String value : new String[] {e.profiel(), e.profiel2(), e.groep(), e.groepOmschrijving(), e.studie()}) {
            String hit = code(codes, value);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** What a code means by the school's table (the code matched case-insensitively), or null. */
    static String code(Map<String, String> codes, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Map.Entry<String, String> c : codes.entrySet()) {
            if (c.getKey().equalsIgnoreCase(value.strip())) {
                return c.getValue();
            }
        }
        return null;
    }
}
