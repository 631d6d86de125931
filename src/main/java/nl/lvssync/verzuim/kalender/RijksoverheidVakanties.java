package nl.lvssync.verzuim.kalender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the public schoolvakanties feed of the Rijksoverheid open-data API
 * ({@code …/infotypes/schoolholidays/schoolyear/YYYY-YYYY?output=json}): {@code content[].schoolyear} and
 * {@code content[].vacations[].regions[]} with {@code region} (noord, midden, zuid or "heel Nederland") and
 * {@code startdate} / {@code enddate}. The list endpoint wraps the same object in a top-level array; both are read.
 *
 * <p>The feed writes local dates with a {@code Z} and inconsistent times ({@code 22:59}, {@code 21:59},
 * {@code 00:00}): the date meant is the date part as written (its first ten characters). Converting the instant to
 * Amsterdam time would move a Sunday end to Monday, and that Monday's absences would never be counted.
 */
public final class RijksoverheidVakanties {

    /** A holiday other than the summer one lasts at most 3 weeks; none lasts more than 7 (first and last day off). */
    static final int MAX_DAGEN = 21;
    static final int MAX_DAGEN_ZOMER = 49;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One holiday of one region in one school year. */
    public record Vakantie(String schooljaar, Regio regio, Schoolvakantie periode) {
    }

    /** The feed cannot be used as it is: malformed, or holding a period that cannot be right. Nothing of it is kept. */
    public static final class OngeldigeFeed extends IllegalArgumentException {
        OngeldigeFeed(String message) {
            super(message);
        }
    }

    private RijksoverheidVakanties() {
    }

    /**
     * Every holiday in the feed, checked: a period that is implausible (ends before it starts, lies outside its
     * school year, longer than 3 weeks for anything but the summer holiday, or longer than 7 weeks) refuses the whole
     * feed with a message naming it.
     *
     * @throws OngeldigeFeed when the feed is malformed or holds an implausible period
     */
    public static List<Vakantie> lees(String json) {
        return lees(json, null);
    }

    /**
     * As {@link #lees(String)}, for one school year only (the list endpoint answers several): another year's
     * periods are neither read nor checked.
     */
    public static List<Vakantie> lees(String json, String alleenSchooljaar) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new OngeldigeFeed("the holiday feed is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new OngeldigeFeed("the holiday feed is not a JSON object or array");
        }
        List<Vakantie> result = new ArrayList<>();
        for (JsonNode content : contents(root)) {
            String schooljaar = schone(content.path("schoolyear").asText(""));
            if (alleenSchooljaar != null && !alleenSchooljaar.equals(schooljaar)) {
                continue;
            }
            for (JsonNode vacation : content.path("vacations")) {
                String naam = schone(vacation.path("type").asText(""));
                for (JsonNode region : vacation.path("regions")) {
                    String regio = schone(region.path("region").asText("")).toLowerCase(Locale.ROOT);
                    String wat = (naam.isEmpty() ? "a holiday without type" : naam) + " " + regio + " " + schooljaar;
                    LocalDate van = datum(wat, "startdate", region.path("startdate"));
                    LocalDate tot = datum(wat, "enddate", region.path("enddate"));
                    if (naam.isEmpty()) {
                        throw new OngeldigeFeed("holiday feed: a period without type in " + schooljaar + " (" + regio + ")");
                    }
                    controleer(wat, schooljaar, naam, van, tot);
                    for (Regio r : regios(regio)) {
                        result.add(new Vakantie(schooljaar, r, new Schoolvakantie(naam, van, tot)));
                    }
                }
            }
        }
        return result;
    }

    /** The content items: of the object form, of each element of the array form, or the item itself. */
    private static List<JsonNode> contents(JsonNode root) {
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> tops = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(tops::add);
        } else {
            tops.add(root);
        }
        for (JsonNode top : tops) {
            if (top.path("content").isArray()) {
                top.path("content").forEach(items::add);
            } else if (top.has("vacations")) {
                items.add(top);
            }
        }
        return items;
    }

    private static void controleer(String wat, String schooljaar, String naam, LocalDate van, LocalDate tot) {
        if (tot.isBefore(van)) {
            throw new OngeldigeFeed("holiday feed: " + wat + " ends (" + tot + ") before it starts (" + van + ")");
        }
        if (!schooljaar.matches("\\d{4}-\\d{4}")) {
            throw new OngeldigeFeed("holiday feed: " + wat + " has no school year like 2026-2027 ('" + schooljaar + "')");
        }
        int jaar = Integer.parseInt(schooljaar.substring(0, 4));
        // the school year runs 1 August to 31 July; the summer holiday starts in it and ends in the next one's August
        LocalDate jaarStart = LocalDate.of(jaar, 8, 1);
        LocalDate jaarEind = LocalDate.of(jaar + 1, 7, 31);
        if (van.isBefore(jaarStart) || van.isAfter(jaarEind)) {
            throw new OngeldigeFeed("holiday feed: " + wat + " (" + van + " – " + tot + ") lies outside its school year "
                    + schooljaar);
        }
        long dagen = ChronoUnit.DAYS.between(van, tot) + 1;
        boolean zomer = naam.toLowerCase(Locale.ROOT).contains("zomer");
        if (dagen > MAX_DAGEN_ZOMER || (!zomer && dagen > MAX_DAGEN)) {
            throw new OngeldigeFeed("holiday feed: " + wat + " (" + van + " – " + tot + ") lasts " + dagen
                    + " days, longer than " + (zomer ? "7 weeks" : "3 weeks") + " is not plausible");
        }
    }

    private static List<Regio> regios(String regio) {
        return switch (regio) {
            case "noord" -> List.of(Regio.NOORD);
            case "midden" -> List.of(Regio.MIDDEN);
            case "zuid" -> List.of(Regio.ZUID);
            case "heel nederland" -> List.of(Regio.values());
            default -> throw new OngeldigeFeed("holiday feed: unknown region '" + regio + "'");
        };
    }

    /** The date part as written: the first ten characters ("2023-10-22T22:59:00.000Z" is 22 October). */
    private static LocalDate datum(String wat, String veld, JsonNode value) {
        String text = value.isTextual() ? value.asText().strip() : null;
        if (text == null || text.length() < 10) {
            throw new OngeldigeFeed("holiday feed: " + wat + " has " + veld + " " + (value.isMissingNode() ? "missing" : value)
                    + ", not a date");
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new OngeldigeFeed("holiday feed: " + wat + " has " + veld + " '" + text + "', not a date");
        }
    }

    /** Type and region strings come with stray whitespace ("\n Herfstvakantie \n"). */
    private static String schone(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
