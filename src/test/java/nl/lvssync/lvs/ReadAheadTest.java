package nl.lvssync.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void deliversInSubmitOrderOnTheCallersThreadWhateverOrderTheReadsEndIn() {
        List<Integer> delivered = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (ReadAhead<Integer> reads = new ReadAhead<>("test", 4, n -> {
            delivered.add(n);
            threads.add(Thread.currentThread().getName());
        })) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                // the earlier the read, the longer it takes
                reads.submit(() -> {
                    Thread.sleep(5L * (20 - n) % 40);
                    return n;
                });
            }
            reads.finish();
        }
        assertThat(delivered).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void holdsAtMostTwiceItsThreadsOfReadsNotYetDelivered() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        try (ReadAhead<Integer> reads = new ReadAhead<>("test", 2, n -> delivered.incrementAndGet())) {
            for (int i = 0; i < 30; i++) {
                reads.submit(() -> {
                    maxAhead.accumulateAndGet(started.incrementAndGet() - delivered.get(), Math::max);
                    Thread.sleep(2);
                    return 0;
                });
            }
            reads.finish();
        }
        assertThat(delivered.get()).isEqualTo(30);
        assertThat(maxAhead.get()).isBetween(2, 2 * 2 + 1);
    }

    @Test
    void aReadsFailureIsThrownWhereItIsDelivered() {
        List<Integer> delivered = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (ReadAhead<Integer> reads = new ReadAhead<>("test", 2, delivered::add)) {
                reads.submit(() -> 1);
                reads.submit(() -> {
                    throw new IllegalStateException("circuit open");
                });
                reads.submit(() -> 3);
                reads.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("circuit open");
        assertThat(delivered).containsExactly(1);
    }
}
