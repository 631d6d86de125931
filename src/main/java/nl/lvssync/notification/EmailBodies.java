package nl.lvssync.notification;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import nl.lvssync.notification.NotificationMessage.Fact;
import nl.lvssync.notification.NotificationMessage.Item;
import nl.lvssync.notification.NotificationMessage.Section;

/** A message as plain text and as HTML: the two parts of one multipart/alternative mail. */
final class EmailBodies {

    private EmailBodies() {
    }

    static String text(NotificationMessage m) {
        StringBuilder out = new StringBuilder(m.greeting()).append("\n\n");
        m.paragraphs().forEach(p -> out.append(p).append("\n\n"));
        if (!m.facts().isEmpty()) {
            int width = m.facts().stream().mapToInt(f -> f.label().length()).max().orElse(0) + 2;
            for (Fact f : m.facts()) {
                out.append(String.format("%-" + width + "s%s%n", f.label() + ":", f.value()));
            }
            out.append('\n');
        }
        for (Section s : m.sections()) {
            out.append(s.title()).append('\n');
            for (Item item : s.items()) {
                out.append("- ").append(item.text()).append('\n');
                if (item.link() != null) {
                    out.append("  ").append(item.link()).append('\n');
                }
            }
            out.append('\n');
        }
        if (m.link() != null) {
            out.append(m.linkText()).append(":\n").append(m.link()).append("\n\n");
        }
        out.append("Met vriendelijke groet,\nLVS Sync\n");
        if (m.footer() != null) {
            out.append("\n-- \n").append(m.footer()).append('\n');
        }
        return out.toString();
    }

    static String html(NotificationMessage m) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(m.subject())).append("</title></head>\n<body style=\"font-family: Arial, sans-serif; font-size: 14px; color: #222;\">\n")
                .append("<p>").append(esc(m.greeting())).append("</p>\n");
        m.paragraphs().forEach(p -> out.append("<p>").append(esc(p)).append("</p>\n"));
        if (!m.facts().isEmpty()) {
            out.append("<table style=\"border-collapse: collapse;\">\n");
            for (Fact f : m.facts()) {
                out.append("<tr><th style=\"text-align: left; padding: 2px 12px 2px 0;\">").append(esc(f.label()))
                        .append("</th><td style=\"padding: 2px 0;\">").append(esc(f.value())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        for (Section s : m.sections()) {
            out.append("<h3 style=\"margin-bottom: 4px;\">").append(esc(s.title())).append("</h3>\n<ul>\n");
            for (Item item : s.items()) {
                out.append("<li>").append(item.link() == null ? esc(item.text())
                        : "<a href=\"" + esc(item.link()) + "\">" + esc(item.text()) + "</a>").append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (m.link() != null) {
            out.append("<p><a href=\"").append(esc(m.link())).append("\">").append(esc(m.linkText())).append("</a></p>\n");
        }
        out.append("<p>Met vriendelijke groet,<br>LVS Sync</p>\n");
        if (m.footer() != null) {
            out.append("<p style=\"color: #777; font-size: 12px;\">").append(esc(m.footer())).append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return htmlEscape(s, "UTF-8");
    }
}
