package nl.lvssync.lvs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nl.lvssync.sync.LvsUnavailableException;

/**
 * Reads run on a few threads of their own while their results are delivered on the caller's thread, one at a time and in
 * the order they were submitted. At most twice as many reads as threads are pending, so what waits for delivery stays
 * bounded however large the school. A read's exception is thrown where it is delivered; closing cancels the rest.
 *
 * @param <T> what one read gives
 */
public final class ReadAhead<T> implements AutoCloseable {

    private final ExecutorService readers;
    private final Deque<Future<T>> pending = new ArrayDeque<>();
    private final int maxPending;
    private final Consumer<T> deliver;

    public ReadAhead(String name, int threads, Consumer<T> deliver) {
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.maxPending = 2 * threads;
        this.deliver = deliver;
    }

    /** Starts a read; first delivers what is done at the head of the line, and waits for it while the line is full. */
    public void submit(Callable<T> read) {
        pending.add(readers.submit(read));
        while (!pending.isEmpty() && (pending.size() > maxPending || pending.peek().isDone())) {
            deliverNext();
        }
    }

    /** Delivers every read still pending, in order. */
    public void finish() {
        while (!pending.isEmpty()) {
            deliverNext();
        }
    }

    private void deliverNext() {
        Future<T> next = pending.poll();
        T result;
        try {
            result = next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LvsUnavailableException("interrupted while reading the LVS", e);
        }
        deliver.accept(result);
    }

    @Override
    public void close() {
        pending.forEach(f -> f.cancel(true));
        pending.clear();
        readers.shutdownNow();
    }
}
