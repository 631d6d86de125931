package nl.lvssync.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks of query parameters every list endpoint shares: a bad one is a 400 that says what was wrong. */
public final class ApiParams {

    private ApiParams() {
    }

    /** A limit of at least 1; above the maximum it is the maximum. */
    public static int limit(int limit, int max) {
        if (limit < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be at least 1, not " + limit);
        }
        return Math.min(limit, max);
    }
}
