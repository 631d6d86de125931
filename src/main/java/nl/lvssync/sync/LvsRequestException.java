package nl.lvssync.sync;

/** The LVS answered a request with a definite error (a 4xx other than 401/408/429): retrying will not help. */
public class LvsRequestException extends RuntimeException {
    private final int status;

    public LvsRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
