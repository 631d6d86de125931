package nl.lvssync.notification;

import java.time.Clock;
import nl.lvssync.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Parked notifications (those that kept failing) for administrators, with a retry each. */
@Controller
class NotificationPageController {

    private static final Logger log = LoggerFactory.getLogger(NotificationPageController.class);

    private final OutboxRepository outbox;
    private final CurrentUser user;
    private final Clock clock;

    NotificationPageController(OutboxRepository outbox, CurrentUser user, Clock clock) {
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/beheer/notificaties")
    String parked(Model model) {
        model.addAttribute("parked", outbox.list(OutboxEntry.Status.PARKED, null, 500).stream()
                .map(NotificationController.NotificationView::of).toList());
        model.addAttribute("pending", outbox.list(OutboxEntry.Status.PENDING, null, 5000).size());
        return "notification/parked";
    }

    @PostMapping("/beheer/notificaties/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        if (outbox.retry(id, clock.instant())) {
            log.info("Notification {} offered again by {} (dashboard)", id, user.name());
            flash.addFlashAttribute("message", "Notificatie " + id + " wordt opnieuw verstuurd.");
        } else {
            flash.addFlashAttribute("error", "Notificatie " + id + " staat niet (meer) geparkeerd.");
        }
        return "redirect:/beheer/notificaties";
    }
}
