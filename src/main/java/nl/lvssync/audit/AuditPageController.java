package nl.lvssync.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for administrators. */
@Controller
class AuditPageController {

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/beheer/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String school,
                @RequestParam(required = false) String subject, Model model) {
        String wanted = subject == null || subject.isBlank() ? null : AuditController.checked(subject);
        model.addAttribute("entries", audit.recent(actor, school, wanted, null, 500));
        model.addAttribute("actor", actor);
        model.addAttribute("school", school);
        model.addAttribute("subject", wanted);
        model.addAttribute("subjects", AuditLog.Subject.values());
        return "audit/audit";
    }
}
