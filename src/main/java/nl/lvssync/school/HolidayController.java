package nl.lvssync.school;

import java.util.List;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.verzuim.kalender.RijksoverheidVakanties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators import a school year's holidays from the public feed; every school is evaluated again. */
@RestController
public class HolidayController {

    private final HolidayFeedImport feed;
    private final SchoolDirectory schools;
    private final AlertEvaluation evaluation;

    public HolidayController(HolidayFeedImport feed, SchoolDirectory schools, AlertEvaluation evaluation) {
        this.feed = feed;
        this.schools = schools;
        this.evaluation = evaluation;
    }

    @PostMapping("/api/holidays/import")
    public List<RijksoverheidVakanties.Vakantie> importSchoolYear(@RequestParam String schoolYear) {
        List<RijksoverheidVakanties.Vakantie> imported;
        try {
            imported = feed.importSchoolYear(schoolYear);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
        // the calendar changed: the rules see it at once (SchoolRulesConfig notices and re-evaluates everyone)
        schools.all().forEach(s -> evaluation.evaluate(s.id(), false));
        return imported;
    }
}
