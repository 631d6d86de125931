package nl.lvssync.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** Counts data requests and says which one gets which configured fault. */
final class FaultInjector {

    enum Fault { RATE_LIMIT, SERVER_ERROR, HTML_PAGE, UNAUTHORIZED }

    private final SimulatorFaults faults;
    private final AtomicLong requests = new AtomicLong();

    FaultInjector(SimulatorFaults faults) {
        this.faults = faults;
    }

    /** The fault for the next data request, or null when it is answered normally. */
    Fault next() {
        long n = requests.incrementAndGet();
        if (every(faults.rateLimitEvery(), n)) {
            return Fault.RATE_LIMIT;
        }
        if (every(faults.serverErrorEvery(), n)) {
            return Fault.SERVER_ERROR;
        }
        if (every(faults.htmlErrorEvery(), n)) {
            return Fault.HTML_PAGE;
        }
        if (every(faults.unauthorizedEvery(), n)) {
            return Fault.UNAUTHORIZED;
        }
        return null;
    }

    private static boolean every(int every, long n) {
        return every > 0 && n % every == 0;
    }
}
