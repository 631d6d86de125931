package nl.lvssync.verzuim.kalender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shipped holiday table (verzuim/schoolvakanties.csv) holds exactly the dated rows of shared/spec/schoolvakanties.md. */
class SchoolvakantiesTableTest {

    static final Path SPEC = Path.of("../shared/spec/schoolvakanties.md");

    @Test
    void everyDatedRowOfTheSpecIsShippedAsWritten() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(SPEC, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length < 7 || !cells[1].strip().matches("\\d{4}-\\d{4}")) {
                continue;
            }
            String year = cells[1].strip();
            String holiday = cells[2].strip();
            String noord = cells[3].strip();
            String[] regions = {"noord", "midden", "zuid"};
            for (int i = 0; i < 3; i++) {
                String cell = cells[3 + i].strip();
                String dates = "same".equals(cell) ? noord : cell;
                if (!dates.matches("\\d{4}-\\d\\d-\\d\\d – \\d{4}-\\d\\d-\\d\\d")) {
                    continue; // "conflicting sources": not shipped
                }
                String[] d = dates.split(" – ");
                expected.add(String.join(";", year, holiday, regions[i], d[0], d[1], cells[6].strip()));
            }
        }
        List<String> shipped = new ArrayList<>();
        try (InputStream in = Schoolvakanties.class.getResourceAsStream("/verzuim/schoolvakanties.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    shipped.add(line.strip());
                }
            }
        }

        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Schoolvakanties.forRegion(Regio.ZUID)).anyMatch(v -> v.name().toLowerCase(Locale.ROOT).contains("voorjaar")
                && v.from().toString().equals("2027-02-13") && v.to().toString().equals("2027-02-21"));
    }
}
