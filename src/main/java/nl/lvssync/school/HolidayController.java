package nl.lvssync.school;

import java.util.List;
import nl.lvssync.verzuim.kalender.RijksoverheidVakanties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Administrators import a school year's holidays from the public feed; every school is evaluated again. */
@RestController
class HolidayController {

    private final HolidayFeedImport feed;
    private final ApplicationEventPublisher events;

    HolidayController(HolidayFeedImport feed, ApplicationEventPublisher events) {
        this.feed = feed;
        this.events = events;
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
        // the calendar changed: the rules see it at once
        events.publishEvent(new HolidaysImported(schoolYear, imported.size()));
        return imported;
    }
}
