package nl.lvssync.sync;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Records that failed validation, with the reason, for administrators. */
@RestController
class QuarantineController {

    private final QuarantineRepository quarantine;

    QuarantineController(QuarantineRepository quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping("/api/quarantine")
    List<QuarantineRepository.QuarantinedRecord> list(@RequestParam(required = false) String school,
                                                      @RequestParam(defaultValue = "500") int limit) {
        return quarantine.list(school, nl.lvssync.web.ApiParams.limit(limit, 5000));
    }
}
