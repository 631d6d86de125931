package nl.lvssync.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Stateless pseudo-randomness: every generated value is a hash of where it sits (seed, school, student,
 * date, lesson), so any part of the data can be produced on its own without remembering the rest.
 */
final class Mix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash of one value. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b) {
        return mix(mix(a + GOLDEN) ^ (b + 2 * GOLDEN));
    }

    static long hash(long a, long b, long c) {
        return hash(hash(a, b), c);
    }

    static long hash(long a, long b, long c, long d) {
        return hash(hash(hash(a, b), c), d);
    }

    static long hash(long a, long b, long c, long d, long e) {
        return hash(hash(hash(hash(a, b), c), d), e);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, then mixed: the same in every JVM and every run. */
    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A number in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A number in [0, n). */
    static int below(long h, int n) {
        return (int) ((h >>> 1) % n);
    }
}
