package nl.lvssync.lvs;

import nl.lvssync.school.School;
import nl.lvssync.sync.SyncProperties;

/**
 * How hard one school's LVS may be used: its own {@code lvs-limits} where set, else {@code lvs-sync.sync.*}.
 *
 * @param maxConcurrentRequests requests to the LVS at a time (also how many students are read at once)
 * @param maxRequestsPerSecond  requests a second, 0 for no limit
 * @param chunkDays             the longest date range one afspraken or absenties request asks for
 */
public record LvsLimits(int maxConcurrentRequests, double maxRequestsPerSecond, int chunkDays) {

    public static LvsLimits of(School school, SyncProperties settings) {
        School.LvsLimits own = school.lvsLimits();
        return new LvsLimits(
                own.maxConcurrentRequests() != null ? own.maxConcurrentRequests() : settings.maxConcurrentRequests(),
                own.maxRequestsPerSecond() != null ? own.maxRequestsPerSecond() : settings.maxRequestsPerSecond(),
                own.chunkDays() != null ? own.chunkDays() : settings.chunkDays());
    }
}
