package nl.lvssync.verzuim.kalender;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The regional holiday table shipped as data (verzuim/schoolvakanties.csv). */
public final class Schoolvakanties {

    private static final String RESOURCE = "/verzuim/schoolvakanties.csv";
    private static final Map<Regio, List<Schoolvakantie>> BY_REGION = load();

    private Schoolvakanties() {
    }

    public static List<Schoolvakantie> forRegion(Regio regio) {
        return BY_REGION.getOrDefault(regio, List.of());
    }

    private static Map<Regio, List<Schoolvakantie>> load() {
        Map<Regio, List<Schoolvakantie>> result = new EnumMap<>(Regio.class);
        try (InputStream in = Schoolvakanties.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                Regio regio = Regio.valueOf(f[2].trim().toUpperCase(Locale.ROOT));
                result.computeIfAbsent(regio, r -> new ArrayList<>())
                        .add(new Schoolvakantie(f[1].trim() + " " + f[0].trim(),
                                LocalDate.parse(f[3].trim()), LocalDate.parse(f[4].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.replaceAll((r, list) -> List.copyOf(list));
        return result;
    }
}
