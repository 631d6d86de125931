/**
 * Web: what every controller shares. The controllers themselves live in their feature's module.
 *
 * <p>Owns the API and dashboard users ({@code lvs-sync.security.users}) and the security filter chain: HTTP Basic
 * for API clients, a login form for the dashboard; ADMIN sees everything, a COORDINATOR only their own schools.
 * Offers {@link nl.lvssync.web.CurrentUser}: who is asking, and which schools they may see. Until the routes run,
 * and again while the service stops, {@link nl.lvssync.web.NotReadyFilter} answers every call but the actuator's
 * with 503 and Retry-After. Owns no table, publishes and consumes no events.
 */
@ApplicationModule(displayName = "Web (shared)", allowedDependencies = {})
package nl.lvssync.web;

import org.springframework.modulith.ApplicationModule;
