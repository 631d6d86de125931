package nl.lvssync.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Mails one outbox entry through the {@code direct:notification-email} route (camel-mail, SMTP). The message is
 * built here, so its Message-ID is ours: derived from the entry, the same on every attempt, which lets a mail
 * server or client recognise the rare second copy after a crash.
 */
@Component
class EmailSender {

    static final String ROUTE = "direct:notification-email";

    private final ProducerTemplate camel;
    private final MailSettings settings;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    EmailSender(ProducerTemplate camel, MailSettings settings, Clock clock) {
        this.camel = camel;
        this.settings = settings;
        this.clock = clock;
    }

    Delivery send(OutboxEntry entry, NotificationMessage message) {
        MimeMessage mail;
        try {
            mail = compose(entry, message);
        } catch (AddressException e) {
            return Delivery.park("ongeldig e-mailadres: " + e.getMessage());
        } catch (MessagingException e) {
            return Delivery.park("e-mail kan niet worden opgesteld: " + e.getMessage());
        }
        try {
            camel.requestBody(ROUTE, mail);
            return Delivery.sent("email " + messageId(entry));
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                // the server refused the address itself: trying again will not change its mind
                if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    return Delivery.park("SMTP weigert het adres: " + t.getMessage());
                }
            }
            return Delivery.retry("SMTP: " + cause);
        }
    }

    MimeMessage compose(OutboxEntry entry, NotificationMessage message) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(settings.from(), true));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(entry.recipient(), true));
        mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(clock.instant()));
        mail.setHeader("X-LvsSync-Event-Id", entry.eventId());
        mail.setHeader("X-LvsSync-Event", entry.type());
        // RFC 3834: no out-of-office replies to a machine
        mail.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(EmailBodies.text(message), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailBodies.html(message), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mail.setContent(alternative);
        mail.saveChanges();
        // saveChanges() invents a Message-ID; ours must win (camel-mail keeps a Message-ID that is already set)
        mail.setHeader("Message-ID", messageId(entry));
        return mail;
    }

    /** Stable per outbox entry; the hash keeps ids from two databases (test, production) apart. */
    String messageId(OutboxEntry entry) {
        String from = settings.from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "lvs-sync.local" : from.substring(at + 1).replace(">", "").trim();
        return "<lvs-sync." + entry.id() + "." + hash(entry.eventId() + "|" + entry.recipient()) + "@" + domain + ">";
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
