package nl.lvssync.verzuim;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * A student's lesdagen (days with a lesson), each with its number of lessons (0: not known). Held as one sorted
 * array of numbers (the day's epoch day times 256 plus its lessons), since the rules hold some 200 of them for every
 * student they evaluate: a map of dates would be a few hundred objects a student, for days that are only looked up.
 */
public final class Lesdagen {

    public static final Lesdagen GEEN = new Lesdagen(new int[0]);

    private final int[] dagen;

    private Lesdagen(int[] dagen) {
        this.dagen = dagen;
    }

    /**
     * From numbers of the form epoch day × 256 + lessons (lessons below 256), in any order, each day at most once; the
     * array becomes this object's own.
     */
    public static Lesdagen vanGetallen(int[] getallen) {
        Arrays.sort(getallen);
        for (int i = 1; i < getallen.length; i++) {
            if (getallen[i] >> 8 == getallen[i - 1] >> 8) {
                throw new IllegalArgumentException("lesdag " + LocalDate.ofEpochDay(getallen[i] >> 8) + " given twice");
            }
        }
        return new Lesdagen(getallen);
    }

    /** The number form of one lesdag, for {@link #vanGetallen}: more lessons than 255 are held as 255. */
    public static int getal(LocalDate dag, int lessen) {
        return Math.toIntExact(dag.toEpochDay() << 8) | Math.max(0, Math.min(lessen, 255));
    }

    public static Lesdagen of(Map<LocalDate, Integer> lessenPerDag) {
        int[] getallen = new int[lessenPerDag.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Integer> e : lessenPerDag.entrySet()) {
            getallen[i++] = getal(e.getKey(), e.getValue() == null ? 0 : e.getValue());
        }
        return vanGetallen(getallen);
    }

    /** The position of the first lesdag on or after the day (the array's length when there is none). */
    private int eerste(LocalDate dag) {
        // a day of 0 (unknown) lessons is an exact hit; any other day of that date sorts just after the search key
        int i = Arrays.binarySearch(dagen, (int) (dag.toEpochDay() << 8));
        return i >= 0 ? i : -i - 1;
    }

    /** The position of the day in the array, or -1 when it is no lesdag. */
    private int index(LocalDate dag) {
        int i = eerste(dag);
        return i < dagen.length && dagen[i] >> 8 == dag.toEpochDay() ? i : -1;
    }

    public boolean bevat(LocalDate dag) {
        return index(dag) >= 0;
    }

    /** The day's number of lessons (0: not known), or -1 when the student had no lesson that day. */
    public int lessen(LocalDate dag) {
        int i = index(dag);
        return i < 0 ? -1 : dagen[i] & 255;
    }

    /** Whether any lesdag lies in [from, toExclusive). */
    public boolean heeftTussen(LocalDate from, LocalDate toExclusive) {
        int i = eerste(from);
        return i < dagen.length && dagen[i] >> 8 < toExclusive.toEpochDay();
    }

    /** Each lesdag's epoch day, in date order. */
    public void forEachDag(IntConsumer dag) {
        for (int d : dagen) {
            dag.accept(d >> 8);
        }
    }

    public boolean isEmpty() {
        return dagen.length == 0;
    }

    public int size() {
        return dagen.length;
    }

    /** The days with their number of lessons, in date order (for reading and tests, not for the rules). */
    public Map<LocalDate, Integer> alsMap() {
        Map<LocalDate, Integer> map = new TreeMap<>();
        for (int d : dagen) {
            map.put(LocalDate.ofEpochDay(d >> 8), d & 255);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lesdagen other && Arrays.equals(dagen, other.dagen);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dagen);
    }

    @Override
    public String toString() {
        return alsMap().toString();
    }
}
