package nl.lvssync.sync;

import java.time.LocalDate;
import java.util.List;
import nl.lvssync.audit.AuditLog;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A school's students' absence records as we keep them. */
@RestController
class StudentController {

    private final Students students;
    private final SchoolDirectory schools;
    private final CurrentUser user;
    private final AuditLog audit;

    StudentController(Students students, SchoolDirectory schools, CurrentUser user, AuditLog audit) {
        this.students = students;
        this.schools = schools;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping("/api/schools/{school}/students/{lvsId}/absences")
    List<Students.AbsenceView> absences(@PathVariable String school, @PathVariable String lvsId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from (" + from + ") is after to (" + to + ")");
        }
        user.requireSchool(school);
        if (schools.find(school).isEmpty() || students.find(school, lvsId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no student " + lvsId + " at school " + school);
        }
        audit.record(AuditLog.Action.VIEW, AuditLog.Subject.STUDENT, school + "/" + lvsId, school, lvsId, "absences API");
        return students.absences(school, lvsId, from == null ? LocalDate.of(1900, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to);
    }
}
