package nl.lvssync.notification;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lvs-sync.admin-emails}: who hears of failed or stale syncs (at most once per school per day). */
@ConfigurationProperties("lvs-sync")
record AdminEmails(List<String> adminEmails) {

    AdminEmails {
        adminEmails = adminEmails == null ? List.of() : List.copyOf(adminEmails);
    }
}
