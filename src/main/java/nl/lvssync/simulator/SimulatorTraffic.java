package nl.lvssync.simulator;

import com.github.tomakehurst.wiremock.http.Response;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What both simulated LVS kinds share about their traffic: how many requests they answered (so a benchmark can set the
 * service's read rate beside the simulator's own) and the latency every answer waits, changeable while running (a
 * nightly sync across the internet after a first one on loopback).
 */
final class SimulatorTraffic {

    private final AtomicLong served = new AtomicLong();
    private volatile long latencyMs;

    SimulatorTraffic(long latencyMs) {
        latency(latencyMs);
    }

    void latency(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency cannot be negative: " + ms);
        }
        latencyMs = ms;
    }

    long latencyMs() {
        return latencyMs;
    }

    long served() {
        return served.get();
    }

    /** Counts one answer and gives it the current latency. */
    Response.Builder answered(Response.Builder builder) {
        served.incrementAndGet();
        long delay = latencyMs;
        return delay > 0 ? builder.incrementInitialDelay(delay) : builder;
    }
}
