/**
 * Time: the service's clock and the time zone of every school date.
 *
 * <p>Offers {@link nl.lvssync.time.ClockConfig} (the {@code Clock} bean, fixed by {@code lvs-sync.clock.fixed} for
 * tests and replays, and {@code AMSTERDAM}, the zone of every school date and time) and
 * {@link nl.lvssync.time.ApiTime} (times in API answers: Europe/Amsterdam with their offset). Owns no table,
 * publishes and consumes no events, depends on no other module.
 */
@ApplicationModule(displayName = "Time", allowedDependencies = {})
package nl.lvssync.time;

import org.springframework.modulith.ApplicationModule;
