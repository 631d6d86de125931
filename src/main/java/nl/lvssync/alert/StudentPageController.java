package nl.lvssync.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.lvssync.audit.AuditLog;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.sync.RuleInputs;
import nl.lvssync.sync.StudentRecord;
import nl.lvssync.sync.Students;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Students for coordinators (their own schools) and administrators: a search by name or class, and a student's page
 * with the school year per lesweek as a chart (people read a chart faster than a table; the table is there too, for
 * screen readers and for the exact numbers) and the student's alerts.
 */
@Controller
class StudentPageController {

    private final Students students;
    private final RuleInputs records;
    private final AlertRepository alerts;
    private final AlertEvaluation evaluation;
    private final SchoolDirectory schools;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    StudentPageController(Students students, RuleInputs records, AlertRepository alerts, AlertEvaluation evaluation,
                          SchoolDirectory schools, CurrentUser user, AuditLog audit, Clock clock, ObjectMapper json) {
        this.students = students;
        this.records = records;
        this.alerts = alerts;
        this.evaluation = evaluation;
        this.schools = schools;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/leerlingen")
    String search(@RequestParam(required = false) String q, Model model) {
        List<Students.Found> found = q == null || q.isBlank() ? List.of() : students.search(user.schools(), q, 200);
        if (q != null && !q.isBlank()) {
            audit.record(AuditLog.Action.SEARCH, AuditLog.Subject.STUDENT, q.strip(), null, null, found.size() + " found");
        }
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        return "alert/students";
    }

    @GetMapping("/leerlingen/{school}/{lvsId}")
    String student(@PathVariable String school, @PathVariable String lvsId, Model model) throws JsonProcessingException {
        user.requireSchool(school);
        School s = schools.find(school).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not found"));
        StudentRecord student = students.find(school, lvsId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no student " + lvsId));
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.STUDENT, school + "/" + lvsId, school, lvsId, "page");
        LocalDate today = LocalDate.now(clock);
        LocalDate from = SchoolKalender.schooljaarStart(today);
        SchoolKalender kalender = evaluation.kalender(s, from);
        List<StudentChart.Week> weeks = StudentChart.weeks(from, today, records.lessen(school, lvsId, from),
                records.absenties(school, lvsId, from), kalender, s.unit());
        model.addAttribute("school", s);
        model.addAttribute("student", student);
        model.addAttribute("weeks", weeks);
        model.addAttribute("chartData", json.writeValueAsString(Map.of("weeks", weeks)));
        model.addAttribute("totals", Map.of(
                "unexcused", weeks.stream().mapToDouble(StudentChart.Week::unexcused).sum(),
                "excused", weeks.stream().mapToDouble(StudentChart.Week::excused).sum(),
                "late", weeks.stream().mapToDouble(StudentChart.Week::late).sum()));
        model.addAttribute("gaps", weeks.stream().filter(StudentChart.Week::gap).count());
        model.addAttribute("alerts", alerts.ofStudent(school, lvsId));
        model.addAttribute("schoolYear", from.getYear() + "-" + (from.getYear() + 1));
        return "alert/student";
    }
}
