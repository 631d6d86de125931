package nl.lvssync.verzuim.kalender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the public schoolvakanties feed of the Rijksoverheid open-data API
 * ({@code …/infotypes/schoolholidays/schoolyear/YYYY-YYYY?output=json}): {@code content[].schoolyear} and
 * {@code content[].vacations[].regions[]} with {@code region} (noord, midden, zuid or "heel Nederland") and ISO
 * {@code startdate} / {@code enddate}.
 */
public final class RijksoverheidVakanties {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One holiday of one region in one school year. */
    public record Vakantie(String schooljaar, Regio regio, Schoolvakantie periode) {
    }

    private RijksoverheidVakanties() {
    }

    public static List<Vakantie> lees(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the holiday feed is not JSON: " + e.getMessage(), e);
        }
        List<Vakantie> result = new ArrayList<>();
        for (JsonNode content : root.path("content")) {
            String schooljaar = content.path("schoolyear").asText("").strip();
            for (JsonNode vacation : content.path("vacations")) {
                String naam = vacation.path("type").asText("").strip();
                for (JsonNode region : vacation.path("regions")) {
                    String regio = region.path("region").asText("").strip().toLowerCase(Locale.ROOT);
                    LocalDate van = datum(region.path("startdate").asText(null));
                    LocalDate tot = datum(region.path("enddate").asText(null));
                    if (naam.isEmpty() || van == null || tot == null || tot.isBefore(van)) {
                        throw new IllegalArgumentException("holiday feed: incomplete entry " + naam + " " + region);
                    }
                    for (Regio r : regios(regio)) {
                        result.add(new Vakantie(schooljaar, r, new Schoolvakantie(naam, van, tot)));
                    }
                }
            }
        }
        return result;
    }

    private static List<Regio> regios(String regio) {
        return switch (regio) {
            case "noord" -> List.of(Regio.NOORD);
            case "midden" -> List.of(Regio.MIDDEN);
            case "zuid" -> List.of(Regio.ZUID);
            case "heel nederland" -> List.of(Regio.values());
            default -> throw new IllegalArgumentException("holiday feed: unknown region '" + regio + "'");
        };
    }

    /** Dates come as instants (local midnight written in UTC, e.g. 2024-10-18T22:00:00.000Z) or plain dates. */
    private static LocalDate datum(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).atZoneSameInstant(AMSTERDAM).toLocalDate();
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text.strip().substring(0, 10));
        }
    }
}
