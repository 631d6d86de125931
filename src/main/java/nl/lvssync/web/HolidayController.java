package nl.lvssync.web;

import java.util.List;
import java.util.Map;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.school.HolidayFeedException;
import nl.lvssync.school.HolidayFeedImport;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.verzuim.kalender.RijksoverheidVakanties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators import a school year's holidays from the public feed; every school is evaluated again. A bad
 * request is a 400, an answer of the feed we cannot use a 502: both with the reason, and neither changes the table.
 */
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
        List<RijksoverheidVakanties.Vakantie> imported = feed.importSchoolYear(schoolYear);
        // the calendar changed: the rules see it at once (SchoolRulesConfig notices and re-evaluates everyone)
        schools.all().forEach(s -> evaluation.evaluate(s.id(), false));
        return imported;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HolidayFeedException.class)
    ResponseEntity<Map<String, String>> badFeed(HolidayFeedException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
}
