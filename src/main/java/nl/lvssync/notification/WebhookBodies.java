package nl.lvssync.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.lvssync.notification.NotificationMessage.Fact;
import nl.lvssync.school.School.WebhookFormat;
import org.springframework.stereotype.Component;

/**
 * The JSON a webhook receives. GENERIC is the contract's {@code {"event", "alert"}} (plus eventId, school,
 * message); TEAMS an Adaptive Card message (Teams incoming webhooks and Workflows); SLACK {@code {"text", "blocks"}}.
 */
@Component
class WebhookBodies {

    private final ObjectMapper json;

    WebhookBodies(ObjectMapper json) {
        this.json = json;
    }

    byte[] body(WebhookFormat format, OutboxPayload.Event event, NotificationMessage message) {
        ObjectNode body = switch (format == null ? WebhookFormat.GENERIC : format) {
            case TEAMS -> teams(message);
            case SLACK -> slack(message);
            case GENERIC -> generic(event);
        };
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body cannot be written", e);
        }
    }

    private ObjectNode generic(OutboxPayload.Event event) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event.event());
        body.put("eventId", event.eventId());
        body.put("school", event.schoolId());
        if (event.alert() == null) {
            body.putNull("alert");
        } else {
            body.set("alert", json.valueToTree(event.alert()));
        }
        if (event.message() != null) {
            body.put("message", event.message());
        }
        body.put("occurredAt", event.occurredAt().toString());
        return body;
    }

    private ObjectNode teams(NotificationMessage m) {
        ObjectNode card = json.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode items = card.putArray("body");
        items.addObject().put("type", "TextBlock").put("text", m.subject()).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true);
        m.paragraphs().forEach(p -> items.addObject().put("type", "TextBlock").put("text", p).put("wrap", true));
        if (!m.facts().isEmpty()) {
            ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
            for (Fact f : m.facts()) {
                facts.addObject().put("title", f.label()).put("value", f.value());
            }
        }
        if (m.link() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", m.linkText()).put("url", m.link());
        }
        ObjectNode body = json.createObjectNode();
        body.put("type", "message");
        body.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", card);
        return body;
    }

    private ObjectNode slack(NotificationMessage m) {
        ObjectNode body = json.createObjectNode();
        body.put("text", m.subject());
        ArrayNode blocks = body.putArray("blocks");
        StringBuilder text = new StringBuilder("*").append(slackEscape(m.subject())).append('*');
        m.paragraphs().forEach(p -> text.append('\n').append(slackEscape(p)));
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text.toString());
        if (!m.facts().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            for (Fact f : m.facts()) {
                fields.addObject().put("type", "mrkdwn").put("text", "*" + slackEscape(f.label()) + "*\n" + slackEscape(f.value()));
            }
        }
        if (m.link() != null) {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
            button.put("type", "button").put("url", m.link()).putObject("text").put("type", "plain_text").put("text", m.linkText());
        }
        return body;
    }

    /** Slack's mrkdwn treats these three as markup. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
