package nl.lvssync.sync;

import java.time.Instant;
import java.time.LocalDate;
import nl.lvssync.verzuim.Verdict;

/** One absentie (absence registration) on one lesson, with the raw LVS code and our verdict on it. */
public record AbsenceRecord(String lvsId, String lessonLvsId, LocalDate date, Instant start, Instant end,
                            Instant lessonStart, Instant lessonEnd, Integer lesuur, String code, String description,
                            Integer lvsType, Boolean lvsExcused, Verdict verdict, boolean lessonCancelled) {
}
