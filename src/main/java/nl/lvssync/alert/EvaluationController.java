package nl.lvssync.alert;

import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A full re-evaluation of a school's rules (administrators): after a rules change, or to check. */
@RestController
class EvaluationController {

    private final SchoolDirectory schools;
    private final AlertEvaluation evaluation;
    private final OppAlerts opp;
    private final CurrentUser user;

    EvaluationController(SchoolDirectory schools, AlertEvaluation evaluation, OppAlerts opp, CurrentUser user) {
        this.schools = schools;
        this.evaluation = evaluation;
        this.opp = opp;
        this.user = user;
    }

    @PostMapping("/api/schools/{school}/evaluate")
    AlertEvaluation.Result evaluate(@PathVariable String school) {
        if (!user.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "administrators only");
        }
        if (schools.find(school).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no school " + school);
        }
        AlertEvaluation.Result result = evaluation.evaluate(school, true);
        opp.evaluate(school);
        return result;
    }
}
