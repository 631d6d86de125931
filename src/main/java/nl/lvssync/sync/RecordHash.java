package nl.lvssync.sync;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A content fingerprint of a record, so a re-sync can tell "unchanged" without comparing every column. 128 bits over
 * the fields themselves (null distinct from empty), not a digest of {@code toString()}: a sync hashes millions of
 * records, and a cryptographic digest of a formatted string was a tenth of a first sync's time. Not a security
 * boundary: it only has to tell one version of a record from the next.
 */
final class RecordHash {

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private static final long NULL = 0x5bd1e9955bd1e995L;

    private long a = 0x9E3779B97F4A7C15L;
    private long b = 0xC2B2AE3D27D4EB4FL;

    private RecordHash() {
    }

    static String of(StudentRecord s) {
        return new RecordHash().add(s.lvsId()).add(s.stamnr()).add(s.roepnaam()).add(s.tussenvoegsel()).add(s.achternaam())
                .add(s.birthDate()).add(s.klas()).add(s.studie()).add(s.locatie()).add(s.email()).add(s.bsn())
                .add(s.uitstroomprofiel()).add(s.startkwalificatie()).hex();
    }

    static String of(EnrolmentRecord e) {
        return new RecordHash().add(e.lvsId()).add(e.studie()).add(e.groep()).add(e.groepOmschrijving()).add(e.lesperiode())
                .add(e.mentor()).add(e.begin()).add(e.end()).add(e.hoofdAanmelding()).add(e.profiel()).add(e.profiel2())
                .add(e.locatie()).hex();
    }

    static String of(LessonRecord l) {
        return new RecordHash().add(l.lvsId()).add(l.date()).add(l.start()).add(l.end()).add(l.lesuurVan()).add(l.lesuurTot())
                .add(l.lvsStatus()).add(l.cancelled()).add(l.subject()).add(l.description()).hex();
    }

    static String of(AbsenceRecord r) {
        return new RecordHash().add(r.lvsId()).add(r.lessonLvsId()).add(r.date()).add(r.start()).add(r.end())
                .add(r.lessonStart()).add(r.lessonEnd()).add(r.lesuur()).add(r.code()).add(r.description()).add(r.lvsType())
                .add(r.lvsExcused()).add(r.verdict() == null ? null : r.verdict().name()).add(r.lessonCancelled()).hex();
    }

    private RecordHash add(String s) {
        if (s == null) {
            return mix(NULL);
        }
        mix(s.length());
        int i = 0;
        for (; i + 3 < s.length(); i += 4) {
            mix((long) s.charAt(i) << 48 | (long) s.charAt(i + 1) << 32 | (long) s.charAt(i + 2) << 16 | s.charAt(i + 3));
        }
        long tail = 1;
        for (; i < s.length(); i++) {
            tail = tail << 16 | s.charAt(i);
        }
        return mix(tail);
    }

    private RecordHash add(Instant t) {
        return t == null ? mix(NULL) : mix(t.getEpochSecond()).mix(t.getNano());
    }

    private RecordHash add(LocalDate d) {
        return d == null ? mix(NULL) : mix(d.toEpochDay());
    }

    private RecordHash add(Integer n) {
        return n == null ? mix(NULL) : mix(n);
    }

    private RecordHash add(Boolean v) {
        return v == null ? mix(NULL) : mix(v ? 1 : 2);
    }

    private RecordHash mix(long v) {
        a = Long.rotateLeft(a ^ v * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
        b = Long.rotateLeft(b ^ v * 0x4CF5AD432745937FL, 33) * 0x87C37B91114253D5L + a;
        return this;
    }

    private String hex() {
        long x = fmix(a + b);
        long y = fmix(b ^ Long.rotateLeft(a, 17));
        return HEX.toHexDigits(x) + HEX.toHexDigits(y);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
