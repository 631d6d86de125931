package nl.lvssync.opp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.lvssync.school.ImportedHolidays;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.Enrolments;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import org.springframework.stereotype.Service;

/**
 * Brings a school's records together for the OPP rules: its students and their enrolments (from the sync), the plans
 * its exports gave, its configuration, and today; judges each student with {@link OppTermijnen}.
 */
@Service
public class OppBewaking {

    private final SchoolDirectory schools;
    private final Enrolments enrolments;
    private final OppRepository plans;
    private final ImportedHolidays holidays;
    private final Clock clock;

    OppBewaking(SchoolDirectory schools, Enrolments enrolments, OppRepository plans, ImportedHolidays holidays, Clock clock) {
        this.schools = schools;
        this.enrolments = enrolments;
        this.plans = plans;
        this.holidays = holidays;
        this.clock = clock;
    }

    /**
     * Every student of the school who needs an OPP, has one, or had one, and every student an export names that the
     * LVS does not list; by LVS id.
     */
    public List<OppLeerling> school(String schoolId) {
        School school = schools.require(schoolId);
        Map<String, List<OppVersie>> versies = plans.versions(schoolId).stream()
                .collect(Collectors.groupingBy(OppVersie::studentLvsId, LinkedHashMap::new, Collectors.toList()));
        return judge(school, enrolments.of(schoolId), versies, true);
    }

    /** One student, whatever their state; empty when neither the LVS nor an export knows them. */
    public Optional<OppLeerling> student(String schoolId, String lvsId) {
        School school = schools.require(schoolId);
        List<Enrolments.Enrolled> enrolled = enrolments.of(schoolId, lvsId).stream().toList();
        List<OppVersie> versies = plans.versions(schoolId, lvsId);
        if (enrolled.isEmpty() && versies.isEmpty()) {
            return Optional.empty();
        }
        return judge(school, enrolled, versies.isEmpty() ? Map.of() : Map.of(lvsId, versies), false).stream().findFirst();
    }

    /**
     * O4: the current plan (not ended) of these students, by LVS id: what an absence alert shows with the student.
     * Students without one are missing.
     */
    public Map<String, OppVersie> lopendePlannen(String schoolId, Collection<String> lvsIds) {
        Map<String, OppVersie> found = new LinkedHashMap<>();
        if (schools.find(schoolId).isEmpty()) {
            return found;
        }
        plans.versions(schoolId, lvsIds).stream()
                .collect(Collectors.groupingBy(OppVersie::studentLvsId))
                .forEach((student, vs) -> {
                    OppVersie current = huidig(vs);
                    if (current != null && !current.isBeeindigd()) {
                        found.put(student, current);
                    }
                });
        return found;
    }

    /** An arrangement as users read it: the school's words for a code ({@code opp.arrangement-codes}), else as written. */
    public String arrangement(String schoolId, String arrangement) {
        if (arrangement == null) {
            return null;
        }
        String named = schools.find(schoolId).map(s -> OppBehoefte.code(s.opp().arrangementCodes(), arrangement)).orElse(null);
        return named != null ? named : arrangement;
    }

    private List<OppLeerling> judge(School school, List<Enrolments.Enrolled> students, Map<String, List<OppVersie>> versies,
                                    boolean onlyRelevant) {
        LocalDate today = LocalDate.now(clock);
        SchoolKalender kalender = SchoolKalender.voorRegio(school.region(), holidays.forRegion(school.region()),
                school.holidays().stream().map(h -> new Schoolvakantie(h.name(), h.from(), h.to())).toList(),
                java.util.Set.of());
        OppTermijnen.Weken weken = school.opp().holidaysExtendDeadline() ? kalender::vensterEinde : OppTermijnen.Weken.KALENDER;
        List<OppLeerling> result = new ArrayList<>();
        Map<String, List<OppVersie>> remaining = new LinkedHashMap<>(versies);
        for (Enrolments.Enrolled e : students) {
            List<OppVersie> own = remaining.remove(e.student().lvsId());
            own = own == null ? List.of() : own;
            OppVersie current = huidig(own);
            OppBehoefte behoefte = OppBehoefte.bepaal(school.opp(), e.student(), e.enrolments(), e.firstSeen(), today,
                    kalender::isLesdag).uiterlijk(own.stream().flatMap(v -> java.util.stream.Stream.of(v.opgesteldOp(),
                    v.vastgesteldOp())).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null));
            OppBeoordeling b = OppTermijnen.beoordeel(behoefte, current, e.active(), today, weken,
                    school.opp().optionalContents());
            if (!onlyRelevant || behoefte.nodig() || !own.isEmpty()) {
                result.add(new OppLeerling(e.student().lvsId(), e.student(), e.active(), current, own, b));
            }
        }
        remaining.forEach((lvsId, own) -> result.add(new OppLeerling(lvsId, null, false, huidig(own), own,
                OppBeoordeling.of(DeadlineState.UNKNOWN_STUDENT, OppBehoefte.GEEN, null, null, null, List.of(), List.of()))));
        return result;
    }

    /**
     * The current version: each plan's newest version; of those, a plan that has not ended before one that has, then
     * the one the school worked on last.
     */
    static OppVersie huidig(List<OppVersie> versies) {
        Map<String, OppVersie> newest = new LinkedHashMap<>();
        for (OppVersie v : versies) {
            newest.merge(v.planId() == null ? "" : v.planId(), v, (a, b) -> b.versie() > a.versie() ? b : a);
        }
        return newest.values().stream()
                .min(Comparator.comparing((OppVersie v) -> v.isBeeindigd())
                        .thenComparing(OppVersie::laatsteDatum, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(OppVersie::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .orElse(null);
    }
}
