package nl.lvssync.sync;

/** The LVS could not be reached or kept failing after retries: the school's run fails, nothing is read as "no absence". */
public class LvsUnavailableException extends RuntimeException {
    public LvsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LvsUnavailableException(String message) {
        super(message);
    }
}
