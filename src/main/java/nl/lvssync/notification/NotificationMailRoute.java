package nl.lvssync.notification;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * SMTP out through camel-mail. The server is Spring's own {@code spring.mail.host, port, username, password,
 * protocol} (docker-compose and the production example set those), and {@code spring.mail.properties.mail.*}
 * (e.g. {@code mail.smtp.starttls.enable: true}) become JavaMail properties. Credentials only when configured.
 */
@Component
class NotificationMailRoute extends RouteBuilder {

    private final Environment env;
    private final MailSettings settings;

    NotificationMailRoute(Environment env, MailSettings settings) {
        this.env = env;
        this.settings = settings;
    }

    @Override
    public void configure() {
        String username = env.getProperty("spring.mail.username", "");
        StringBuilder uri = new StringBuilder(env.getProperty("spring.mail.protocol", "smtp")).append("://")
                .append(env.getRequiredProperty("spring.mail.host")).append(':')
                .append(env.getRequiredProperty("spring.mail.port"))
                .append("?connectionTimeout=").append(settings.timeout().toMillis());
        if (!username.isBlank()) {
            uri.append("&username=RAW(").append(username).append(")&password=RAW(")
                    .append(env.getProperty("spring.mail.password", "")).append(')');
        }
        Map<String, String> javaMail = Binder.get(env)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        javaMail.forEach((key, value) -> {
            if (key.startsWith("mail.")) {
                uri.append('&').append(key).append("=RAW(").append(value).append(')');
            }
        });
        from(EmailSender.ROUTE)
                .routeId("notification-email")
                // a failure goes back to the dispatcher, which records it and retries with backoff
                .errorHandler(noErrorHandler())
                .to(uri.toString());
    }
}
