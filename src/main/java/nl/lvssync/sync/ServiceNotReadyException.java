package nl.lvssync.sync;

/** The service cannot start a run now (still starting, or stopping): a 503 with Retry-After, never a lock left behind. */
public class ServiceNotReadyException extends RuntimeException {

    public ServiceNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
