package nl.lvssync.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lvs-sync.mail.*}: what our mails look like. The SMTP server itself is Spring's {@code spring.mail.host,
 * port, username, password} (see {@link NotificationMailRoute}). The defaults are in application.yml.
 */
@ConfigurationProperties("lvs-sync.mail")
record MailSettings(
        String from,
        String dashboardUrl,
        Duration timeout) {

    public MailSettings {
        dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
    }

    public String alertLink(String alertId) {
        return dashboardUrl + "/alerts/" + alertId;
    }
}
