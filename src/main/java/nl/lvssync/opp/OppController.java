package nl.lvssync.opp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import nl.lvssync.audit.AuditLog;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The OPP records of a school (coordinators: their own schools only): every student who needs or has a plan with its
 * deadline state, one student's current plan and all its versions, a printable page of one plan, and the exports
 * received with the report of their bad lines.
 */
@RestController
class OppController {

    private final OppBewaking bewaking;
    private final OppRepository plans;
    private final OppPrintPage page;
    private final SchoolDirectory schools;
    private final CurrentUser user;
    private final AuditLog audit;

    OppController(OppBewaking bewaking, OppRepository plans, OppPrintPage page, SchoolDirectory schools, CurrentUser user,
                  AuditLog audit) {
        this.bewaking = bewaking;
        this.plans = plans;
        this.page = page;
        this.schools = schools;
        this.user = user;
        this.audit = audit;
    }

    /** The student, with the least a coordinator needs: no BSN. */
    record Student(String lvsId, String name, @JsonProperty("class") String klas) {
        static Student of(String lvsId, StudentRecord s) {
            return new Student(lvsId, s == null || s.displayName().isEmpty() ? null : s.displayName(), s == null ? null : s.klas());
        }
    }

    /** One line of the school's list: the student, their current plan in short, and where it stands. */
    record PlanLine(Student student, boolean active, boolean needsOpp, String reason, LocalDate placementDate,
                    String placementSource, String planId, Integer versie, OppStatus status, LocalDate vastgesteldOp,
                    LocalDate geevalueerdOp, String arrangement, String coach, DeadlineState deadlineState,
                    LocalDate deadline, Boolean setInTime, List<String> missing, List<String> rules) {
    }

    /** What a rule finds now. */
    record Finding(OppRegel rule, LocalDate startDate, LocalDate deadline, String explanation, List<String> missing) {
    }

    /** One student's OPP: where it stands, the current plan and every version (newest first). */
    record StudentOpp(String school, Student student, boolean active, boolean needsOpp, String reason,
                      LocalDate placementDate, String placementSource, String enrolmentArrangement,
                      DeadlineState deadlineState, LocalDate deadline, Boolean setInTime, List<String> missing,
                      List<Finding> findings, OppVersie current, List<OppVersie> versions) {
    }

    @GetMapping("/api/schools/{school}/opp")
    List<PlanLine> list(@PathVariable String school, @RequestParam(required = false) String status) {
        visible(school);
        Predicate<PlanLine> filter = filter(status);
        return bewaking.school(school).stream().map(l -> line(school, l)).filter(filter)
                .sorted(Comparator.comparing((PlanLine l) -> l.deadline() == null)
                        .thenComparing(PlanLine::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(l -> l.student().lvsId()))
                .toList();
    }

    @GetMapping(value = "/api/schools/{school}/students/{lvsId}/opp", produces = MediaType.APPLICATION_JSON_VALUE)
    StudentOpp student(@PathVariable String school, @PathVariable String lvsId) {
        OppLeerling l = found(school, lvsId);
        // an OPP is a sensitive student record (AVG): who read it is logged
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.OPP, lvsId, school, lvsId, "api");
        return view(school, l);
    }

    @GetMapping(value = {"/api/schools/{school}/students/{lvsId}/opp/print", "/opp/{school}/{lvsId}"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> print(@PathVariable String school, @PathVariable String lvsId) {
        OppLeerling l = found(school, lvsId);
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.OPP, lvsId, school, lvsId, "print");
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(page.render(schools.require(school), l, view(school, l), user.name()));
    }

    @GetMapping("/api/schools/{school}/opp/exports")
    List<OppRepository.Export> exports(@PathVariable String school, @RequestParam(defaultValue = "50") int limit) {
        visible(school);
        return plans.exports(school, Math.max(1, Math.min(limit, 500)));
    }

    private OppLeerling found(String school, String lvsId) {
        visible(school);
        return bewaking.student(school, lvsId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no student " + lvsId + " at " + school));
    }

    private void visible(String school) {
        user.requireSchool(school);
        if (schools.find(school).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no school " + school);
        }
    }

    private PlanLine line(String school, OppLeerling l) {
        OppBeoordeling b = l.beoordeling();
        OppVersie v = l.huidig();
        return new PlanLine(Student.of(l.lvsId(), l.student()), l.actief(), b.behoefte().nodig(), b.behoefte().reden(),
                b.plaatsing(), b.plaatsing() == null ? null : b.behoefte().bron().name(), v == null ? null : v.planId(),
                v == null ? null : v.versie(), v == null ? null : v.status(), v == null ? null : v.vastgesteldOp(),
                v == null ? null : v.geevalueerdOp(), v == null ? b.behoefte().arrangement() : bewaking.arrangement(school,
                v.arrangement()), v == null ? null : v.coach(), b.state(), b.deadline(), b.opTijd(), b.ontbrekend(),
                b.bevindingen().stream().map(f -> f.regel().name()).toList());
    }

    private StudentOpp view(String school, OppLeerling l) {
        OppBeoordeling b = l.beoordeling();
        List<OppVersie> newestFirst = new ArrayList<>(l.versies());
        newestFirst.sort(Comparator.comparing((OppVersie v) -> v.planId() == null ? "" : v.planId())
                .thenComparing(OppVersie::versie, Comparator.reverseOrder()));
        return new StudentOpp(school, Student.of(l.lvsId(), l.student()), l.actief(), b.behoefte().nodig(),
                b.behoefte().reden(), b.plaatsing(), b.plaatsing() == null ? null : b.behoefte().bron().name(),
                b.behoefte().arrangement(), b.state(), b.deadline(), b.opTijd(), b.ontbrekend(),
                b.bevindingen().stream().map(f -> new Finding(f.regel(), f.startDatum(), f.deadline(), f.toelichting(),
                        f.ontbrekend())).toList(), l.huidig(), newestFirst);
    }

    /**
     * {@code status=}: a plan status (concept, vastgesteld, geevalueerd, beeindigd, or {@code geen} for no plan), a
     * deadline state (DUE, OVERDUE, EVALUATION_DUE, …) or a rule (OPP_DUE, OPP_OVERDUE, OPP_EVALUATION_DUE,
     * OPP_INCOMPLETE); several separated by commas.
     */
    static Predicate<PlanLine> filter(String status) {
        if (status == null || status.isBlank()) {
            return l -> true;
        }
        Predicate<PlanLine> any = l -> false;
        for (String part : status.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            any = any.or(one(s));
        }
        return any;
    }

    private static Predicate<PlanLine> one(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (List.of("GEEN", "NONE", "MISSING").contains(upper)) {
            return l -> l.status() == null;
        }
        try {
            OppStatus status = OppStatus.parse(value).orElseThrow();
            return l -> l.status() == status;
        } catch (IllegalArgumentException e) {
            // not a plan status: a deadline state or a rule
        }
        for (DeadlineState d : DeadlineState.values()) {
            if (d.name().equals(upper)) {
                return l -> l.deadlineState() == d;
            }
        }
        if (OppRegel.isOpp(upper)) {
            return l -> l.rules().contains(upper);
        }
        Set<String> accepted = new TreeSet<>();
        for (OppStatus s : OppStatus.values()) {
            accepted.add(s.wire());
        }
        accepted.add("geen");
        for (DeadlineState d : DeadlineState.values()) {
            accepted.add(d.name());
        }
        for (OppRegel r : OppRegel.values()) {
            accepted.add(r.name());
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status '" + value + "' is none of " + accepted);
    }
}
