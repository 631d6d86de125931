package nl.lvssync.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's login page, and its front door: the inbox of signals. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/alerts";
    }
}
