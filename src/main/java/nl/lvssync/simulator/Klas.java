package nl.lvssync.simulator;

/**
 * A class (klas) such as "3h": its year (leerjaar), its stream, and where it is taught. A school's classes
 * come in rounds of fifteen (every year of vmbo, havo and vwo), so even a small school has all ages.
 */
public record Klas(int index, int leerjaar, Afdeling afdeling, String naam) {

    /** The stream (afdeling) and the letters its classes are named with. */
    public enum Afdeling {
        VMBO("vmbo-t", "abcdefg", "Dependance"),
        HAVO("havo", "hijkl", "Hoofdlocatie"),
        VWO("vwo", "vwxyz", "Hoofdlocatie");

        final String studie;
        final String letters;
        final String locatie;

        Afdeling(String studie, String letters, String locatie) {
            this.studie = studie;
            this.letters = letters;
            this.locatie = locatie;
        }
    }

    /** One round of classes, years interleaved so that the first few classes already span all ages. */
    private static final Object[][] ROUND = {
        {1, Afdeling.VMBO}, {4, Afdeling.HAVO}, {2, Afdeling.VWO}, {6, Afdeling.VWO}, {3, Afdeling.VMBO},
        {5, Afdeling.HAVO}, {1, Afdeling.HAVO}, {4, Afdeling.VWO}, {2, Afdeling.VMBO}, {3, Afdeling.HAVO},
        {5, Afdeling.VWO}, {1, Afdeling.VWO}, {4, Afdeling.VMBO}, {2, Afdeling.HAVO}, {3, Afdeling.VWO}};

    static final int PER_ROUND = ROUND.length;

    static Klas of(int index) {
        int round = index / PER_ROUND;
        Object[] slot = ROUND[index % PER_ROUND];
        int leerjaar = (Integer) slot[0];
        Afdeling afdeling = (Afdeling) slot[1];
        String letter = round < afdeling.letters.length()
                ? String.valueOf(afdeling.letters.charAt(round))
                : afdeling.letters.charAt(0) + String.valueOf(round + 1);
        return new Klas(index, leerjaar, afdeling, leerjaar + letter);
    }

    /** How many classes a school of this size has: at least one round, then about 28 students a class. */
    static int count(int students) {
        return Math.max(1, Math.max(Math.min(PER_ROUND, students), (students + 27) / 28));
    }

    public String studie() {
        return leerjaar + " " + afdeling.studie;
    }

    public String locatie() {
        return afdeling.locatie;
    }
}
