package nl.lvssync.notification;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.notification.NotificationMessage.Fact;
import nl.lvssync.notification.NotificationMessage.Item;
import nl.lvssync.notification.NotificationMessage.Section;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.verzuim.Signaal;
import org.springframework.stereotype.Component;

/**
 * The Dutch wording of every notification. Least data: initial and surname, class, rule, hours, dates and a link;
 * never a BSN, and for MAZL only "zorgwekkend ziekteverzuim" and which of its two conditions (no codes, no
 * descriptions, no hours).
 */
@Component
class NotificationTexts {

    static final String PREFIX = "[LVS Sync] ";
    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", NL);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", NL);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", NL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd-MM", NL);
    private static final Set<String> DUO_RULES = Set.of("LEGAL_16H", "LRV", "LUXE");
    private static final Set<String> OPP_RULES = Set.of("OPP_DUE", "OPP_OVERDUE", "OPP_EVALUATION_DUE", "OPP_INCOMPLETE");
    private static final String NO_DATA_IS_NOT_NO_ABSENCE = "Geen gegevens betekent niet dat er geen verzuim is.";

    private final MailSettings mail;

    NotificationTexts(MailSettings mail) {
        this.mail = mail;
    }

    public NotificationMessage forEvent(OutboxPayload.Event event, String recipientName) {
        return switch (event.event()) {
            case NotificationEvent.SYNC_FAILED -> syncFailed(event, recipientName);
            case NotificationEvent.SCHOOL_STALE -> schoolStale(event, recipientName);
            default -> alert(event, recipientName);
        };
    }

    private NotificationMessage alert(OutboxPayload.Event event, String recipientName) {
        AlertLine a = event.alertLine();
        String school = schoolLabel(event.schoolId(), event.schoolName());
        List<String> paragraphs = new ArrayList<>();
        String suffix = "";
        switch (event.event()) {
            case NotificationEvent.ALERT_WITHDRAWN -> {
                suffix = " — ingetrokken";
                paragraphs.add("Het signaal hieronder van " + school + " is ingetrokken: het verzuim telt niet meer mee,"
                        + " bijvoorbeeld omdat het achteraf als geoorloofd is geregistreerd.");
            }
            case NotificationEvent.ALERT_OVERDUE -> {
                suffix = " — termijn verstreken";
                paragraphs.add("De termijn van het signaal hieronder van " + school + " is verstreken"
                        + (a.deadline() == null ? "" : " (" + DATE.format(a.deadline()) + ")")
                        + (OPP_RULES.contains(a.rule()) ? ", maar het is nog niet afgehandeld."
                        : ", maar het is nog niet als gemeld gemarkeerd."));
                if (DUO_RULES.contains(a.rule())) {
                    paragraphs.add("Meld het verzuim zo snel mogelijk bij DUO en markeer het signaal daarna als gemeld.");
                }
            }
            default -> {
                paragraphs.add("LVS Sync heeft een nieuw signaal gevonden bij " + school + ".");
                paragraphs.add(advice(a));
            }
        }
        if (a.hasOpp() && "LRV".equals(a.rule())) {
            paragraphs.add("Deze leerling heeft een ontwikkelingsperspectiefplan (OPP).");
        }
        if (a.incomplete()) {
            paragraphs.add("Let op: bij het beoordelen waren niet alle gegevens beschikbaar. " + NO_DATA_IS_NOT_NO_ABSENCE);
        }
        if (event.message() != null && !event.message().isBlank()) {
            paragraphs.add(event.message().trim());
        }
        paragraphs.removeIf(p -> p == null || p.isBlank());

        List<Fact> facts = new ArrayList<>();
        add(facts, "Leerling", a.studentName());
        add(facts, "Klas", a.studentClass());
        facts.add(new Fact("Regel", a.rule() + " — " + ruleText(a)));
        if (!"MAZL".equals(a.rule())) {
            add(facts, "Uren", a.hours() == null ? null : hours(a.hours()));
        }
        add(facts, "Periode", period(a));
        add(facts, "Termijn", a.deadline() == null ? null : DATE.format(a.deadline()));
        add(facts, "Status", status(a.status()));

        String subject = PREFIX + school + " — " + a.rule() + ": " + ruleText(a) + who(a) + suffix;
        return new NotificationMessage(subject, greeting(recipientName), paragraphs, facts, List.of(),
                mail.alertLink(a.id()), "Bekijk het signaal in LVS Sync",
                "Dit bericht bevat alleen wat nodig is om te handelen; de details staan in LVS Sync.");
    }

    private NotificationMessage syncFailed(OutboxPayload.Event event, String recipientName) {
        String school = schoolLabel(event.schoolId(), event.schoolName());
        List<String> paragraphs = List.of(
                "De synchronisatie van " + school + " met het leerlingvolgsysteem is mislukt ("
                        + DATE_TIME.format(event.occurredAt().atZone(ClockConfig.AMSTERDAM)) + ").",
                "Tot een synchronisatie weer slaagt, zijn de verzuimgegevens van deze school niet actueel. "
                        + NO_DATA_IS_NOT_NO_ABSENCE,
                "U ontvangt hierover hoogstens één bericht per school per dag.");
        List<Fact> facts = new ArrayList<>();
        add(facts, "Fout", event.message());
        return new NotificationMessage(PREFIX + school + " — synchronisatie mislukt", greetingAdmin(recipientName),
                paragraphs, facts, List.of(), mail.dashboardUrl(), "Open LVS Sync", null);
    }

    private NotificationMessage schoolStale(OutboxPayload.Event event, String recipientName) {
        String school = schoolLabel(event.schoolId(), event.schoolName());
        List<String> paragraphs = new ArrayList<>(List.of(
                "De verzuimgegevens van " + school + " zijn verouderd: de laatste geslaagde synchronisatie is te lang geleden.",
                NO_DATA_IS_NOT_NO_ABSENCE + " Signalen voor deze school kunnen ontbreken of onvolledig zijn.",
                "U ontvangt hierover hoogstens één bericht per school per dag."));
        List<Fact> facts = new ArrayList<>();
        add(facts, "Toelichting", event.message());
        return new NotificationMessage(PREFIX + school + " — gegevens verouderd", greetingAdmin(recipientName),
                paragraphs, facts, List.of(), mail.dashboardUrl(), "Open LVS Sync", null);
    }

    public NotificationMessage digest(OutboxPayload.Digest digest, String recipientName) {
        boolean oneSchool = digest.schools().size() == 1;
        String schools = oneSchool
                ? schoolLabel(digest.schools().get(0).id(), digest.schools().get(0).name())
                : digest.schools().stream().map(OutboxPayload.DigestSchool::id).collect(Collectors.joining(", "));
        List<Section> sections = new ArrayList<>();
        if (!digest.deadlines().isEmpty()) {
            sections.add(new Section("Termijnen deze week", digest.deadlines().stream()
                    .map(a -> new Item(DAY.format(a.deadline()) + (a.deadline().isBefore(digest.date()) ? " (verstreken)" : "")
                            + ": " + alertItem(a, oneSchool), mail.alertLink(a.id())))
                    .toList()));
        }
        if (!digest.open().isEmpty()) {
            List<Item> items = new ArrayList<>(digest.open().stream()
                    .map(a -> new Item(alertItem(a, oneSchool) + ", " + status(a.status())
                            + (a.deadline() == null ? "" : ", termijn " + DATE.format(a.deadline())), mail.alertLink(a.id())))
                    .toList());
            if (digest.notListed() > 0) {
                items.add(new Item("… en nog " + digest.notListed() + " signalen in LVS Sync", mail.dashboardUrl()));
            }
            sections.add(new Section("Openstaande signalen (" + (digest.open().size() + digest.notListed()) + ")", items));
        }
        List<Item> stale = digest.schools().stream().filter(OutboxPayload.DigestSchool::stale)
                .map(s -> new Item(schoolLabel(s.id(), s.name()) + ": " + (s.lastSuccessAt() == null
                        ? "nog nooit geslaagd gesynchroniseerd."
                        : "laatste geslaagde synchronisatie " + dateTime(s.lastSuccessAt()) + ", langer dan "
                        + s.staleAfterHours() + " uur geleden.") + " " + NO_DATA_IS_NOT_NO_ABSENCE, null))
                .toList();
        if (!stale.isEmpty()) {
            sections.add(new Section("Verouderde gegevens", stale));
        }
        return new NotificationMessage(PREFIX + schools + " — dagoverzicht " + DATE.format(digest.date()),
                greeting(recipientName), List.of("Het dagoverzicht van LVS Sync voor " + LONG_DATE.format(digest.date()) + "."),
                List.of(), sections, mail.dashboardUrl(), "Open LVS Sync",
                "U ontvangt dit overzicht alleen op dagen dat er iets te melden is.");
    }

    private String alertItem(AlertLine a, boolean oneSchool) {
        String student = a.studentName() == null ? "" : a.studentName()
                + (a.studentClass() == null ? "" : " (" + a.studentClass() + ")") + " — ";
        return (oneSchool ? "" : a.schoolId() + " ") + student + a.rule() + ": " + ruleText(a);
    }

    static String ruleText(AlertLine a) {
        String rule = a.rule() == null ? "" : a.rule();
        return switch (rule) {
            case "LEGAL_16H" -> (a.hours() == null ? "16" : hours(a.hours())) + " uur ongeoorloofd verzuim";
            case "LRV" -> "langdurig relatief verzuim";
            case "LUXE" -> "luxe verzuim rond een schoolvakantie";
            case "SIGNAL" -> "HOURS".equals(a.signal())
                    ? "signaalverzuim, " + (a.hours() == null ? "" : hours(a.hours()) + " ") + "uur ongeoorloofd"
                    : "signaalverzuim" + condition(a);
            // MAZL's two conditions (EPISODES, LONG) are separate alerts: the text says which one
            case "MAZL" -> "zorgwekkend ziekteverzuim" + condition(a);
            case "DATA_STALE" -> "verzuimgegevens niet actueel";
            case "OPP_DUE" -> "OPP nog niet vastgesteld";
            case "OPP_OVERDUE" -> "OPP niet op tijd vastgesteld";
            case "OPP_EVALUATION_DUE" -> "OPP-evaluatie met ouders nodig";
            case "OPP_INCOMPLETE" -> "OPP mist verplichte onderdelen";
            default -> "verzuimsignaal";
        };
    }

    private static String condition(AlertLine a) {
        String words = Signaal.omschrijving(a.signal());
        return words == null ? "" : ", " + words;
    }

    private static String advice(AlertLine a) {
        String rule = a.rule() == null ? "" : a.rule();
        if (DUO_RULES.contains(rule)) {
            return "Dit verzuim moet bij DUO worden gemeld" + (a.deadline() == null ? "." : ", uiterlijk " + DATE.format(a.deadline()) + ".");
        }
        return switch (rule) {
            case "SIGNAL" -> "Dit is een vroegsignaal onder de wettelijke grens; melden bij DUO is niet verplicht.";
            case "MAZL" -> "Overweeg de leerling te bespreken met de jeugdarts.";
            case "DATA_STALE" -> "Zolang de gegevens niet actueel zijn, kunnen signalen ontbreken. " + NO_DATA_IS_NOT_NO_ABSENCE;
            // OPP contents stay in LVS Sync: the message names the task, the link leads to the plan
            case "OPP_DUE" -> "Het OPP moet binnen zes weken na de plaatsing met de ouders zijn vastgesteld"
                    + (a.deadline() == null ? "." : ", uiterlijk " + DATE.format(a.deadline()) + ".");
            case "OPP_OVERDUE" -> "Het OPP is niet binnen zes weken na de plaatsing vastgesteld. Stel het zo snel mogelijk"
                    + " met de ouders vast.";
            case "OPP_EVALUATION_DUE" -> "Het OPP moet minstens eens per schooljaar met de ouders worden geëvalueerd"
                    + (a.deadline() == null ? "." : ", uiterlijk " + DATE.format(a.deadline()) + ".");
            case "OPP_INCOMPLETE" -> "Het vastgestelde OPP mist onderdelen die de wet vraagt; welke staat in LVS Sync.";
            default -> null;
        };
    }

    private static String who(AlertLine a) {
        if (a.studentName() == null && a.studentClass() == null) {
            return "";
        }
        if (a.studentName() == null || a.studentClass() == null) {
            return " (" + (a.studentName() == null ? a.studentClass() : a.studentName()) + ")";
        }
        return " (" + a.studentName() + ", " + a.studentClass() + ")";
    }

    private static String period(AlertLine a) {
        if (a.startDate() == null) {
            return null;
        }
        return a.endDate() == null || a.endDate().equals(a.startDate())
                ? (a.endDate() == null ? "vanaf " : "") + DATE.format(a.startDate())
                : DATE.format(a.startDate()) + " t/m " + DATE.format(a.endDate());
    }

    static String status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "OPEN" -> "open";
            case "ACKNOWLEDGED" -> "in behandeling";
            case "REPORTED" -> "gemeld";
            case "WITHDRAWN" -> "ingetrokken";
            case "CLOSED" -> "afgesloten";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    static String hours(BigDecimal hours) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(NL)).format(hours);
    }

    static String schoolLabel(String id, String name) {
        return name == null || name.isBlank() || name.equals(id) ? id : id + " " + name;
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(ClockConfig.AMSTERDAM));
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Beste collega," : "Beste " + name.trim() + ",";
    }

    private static String greetingAdmin(String name) {
        return name == null || name.isBlank() ? "Beste beheerder," : "Beste " + name.trim() + ",";
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }
}
