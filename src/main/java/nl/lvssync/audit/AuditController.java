package nl.lvssync.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log for administrators: {@code GET /api/audit?actor=&school=&subject=&id=&limit=}, newest first. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Entry> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String school,
                              @RequestParam(required = false) String subject, @RequestParam(required = false) String id,
                              @RequestParam(defaultValue = "200") int limit) {
        return audit.recent(actor, school, checked(subject), id, nl.lvssync.web.ApiParams.limit(limit, 5000));
    }

    static String checked(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        String s = subject.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(AuditLog.Subject.values()).noneMatch(v -> v.name().equals(s))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown subject '" + subject + "': one of "
                    + Arrays.toString(AuditLog.Subject.values()));
        }
        return s;
    }
}
