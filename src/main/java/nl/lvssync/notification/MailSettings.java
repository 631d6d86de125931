package nl.lvssync.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.mail.*}: what our mails look like. The SMTP server itself is Spring's {@code spring.mail.host,
 * port, username, password} (see {@link NotificationMailRoute}).
 */
@ConfigurationProperties("lvs-sync.mail")
public record MailSettings(
        @DefaultValue("LVS Sync <noreply@lvs-sync.local>") String from,
        @DefaultValue("http://localhost:8080") String dashboardUrl,
        @DefaultValue("10s") Duration timeout) {

    public MailSettings {
        dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
    }

    public String alertLink(String alertId) {
        return dashboardUrl + "/alerts/" + alertId;
    }
}
