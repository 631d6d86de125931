package nl.lvssync.lvs.somtoday;

import java.time.Instant;

/**
 * An absentiemelding (absence report) as read: from {@code begin} to {@code end} (null while still open), over
 * lesuren {@code beginLesuur}..{@code eindLesuur} when given, with the reason's abbreviation and kind.
 */
record Melding(String id, String studentUuid, Instant begin, Instant end, Integer beginLesuur, Integer eindLesuur,
               Reden reden) {

    boolean open() {
        return end == null;
    }

    boolean teLaat() {
        return reden != null && reden.teLaat();
    }
}
