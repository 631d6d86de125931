package nl.lvssync.notification;

import java.util.List;

/** One notification's words, before a channel (mail text, mail HTML, Teams, Slack) gives them a form. */
record NotificationMessage(String subject, String greeting, List<String> paragraphs, List<Fact> facts,
                                  List<Section> sections, String link, String linkText, String footer) {

    public record Fact(String label, String value) {
    }

    public record Section(String title, List<Item> items) {
    }

    public record Item(String text, String link) {
    }
}
