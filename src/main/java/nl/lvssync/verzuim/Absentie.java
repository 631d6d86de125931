package nl.lvssync.verzuim;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One absentie (absence registration) with the school's verdict on it. The lesson times are those of the
 * lesson missed (null when the LVS did not link one); start and eind are the registration's own times.
 */
public record Absentie(String lvsId, String lesLvsId, LocalDate datum, Instant start, Instant eind,
                       Instant lesStart, Instant lesEind, String code, Verdict verdict) {
}
