package nl.lvssync.simulator;

/** A student's absence behaviour (verzuimprofiel) over the school year. */
public enum Verzuimprofiel {
    /** a few absences: a doctor's visit, a day ill, now and then late or a missed lesson */
    REGULIER,
    /** spijbelaar: truant spells that cross 16 unexcused lesson hours within 4 lesweken */
    SPIJBELAAR,
    /** misses the first lessons on most Mondays */
    MAANDAG,
    /** often sick: several ziekmeldingen (sickness episodes), one of them long for some */
    ZIEK,
    /** often late for the first lesson */
    TE_LAAT,
    /** thuiszitter: absent from every lesson for weeks */
    THUISZITTER,
    /** luxe verzuim: stays away on the last lesdag before a holiday (or takes granted leave) */
    LUXE;

    /** Profiles per block of 50 students: fixed proportions, so a school of 50 has every kind. */
    private static final Verzuimprofiel[] BLOCK = block();
    static final int BLOCK_SIZE = BLOCK.length;

    private static Verzuimprofiel[] block() {
        Verzuimprofiel[] b = new Verzuimprofiel[50];
        int i = 0;
        i = fill(b, i, THUISZITTER, 1);
        i = fill(b, i, SPIJBELAAR, 3);
        i = fill(b, i, MAANDAG, 3);
        i = fill(b, i, ZIEK, 4);
        i = fill(b, i, TE_LAAT, 4);
        i = fill(b, i, LUXE, 2);
        fill(b, i, REGULIER, b.length - i);
        return b;
    }

    private static int fill(Verzuimprofiel[] b, int from, Verzuimprofiel p, int n) {
        for (int k = 0; k < n; k++) {
            b[from + k] = p;
        }
        return from + n;
    }

    /** The profile of a student: the block's slots, shuffled per block with the school's hash. */
    static Verzuimprofiel of(long schoolHash, int studentIndex) {
        int block = studentIndex / BLOCK_SIZE;
        int slot = studentIndex % BLOCK_SIZE;
        // a Fisher-Yates shuffle of the slot numbers, replayed up to the slot we need
        int[] perm = new int[BLOCK_SIZE];
        for (int k = 0; k < BLOCK_SIZE; k++) {
            perm[k] = k;
        }
        long h = Mix.hash(schoolHash, 0x50F11EL, block);
        for (int k = BLOCK_SIZE - 1; k > 0; k--) {
            h = Mix.mix(h + k);
            int j = Mix.below(h, k + 1);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        return BLOCK[perm[slot]];
    }
}
