package nl.lvssync.verzuim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One absence record behind an alert (a contribution), with the hours it counted for. */
public record Bijdrage(String absentieLvsId, LocalDate datum, Instant start, Instant eind, BigDecimal uren,
                       String code, Verdict verdict) {
}
