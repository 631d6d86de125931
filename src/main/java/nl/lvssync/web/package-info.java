/**
 * Web: what every controller and page shares. The controllers and pages themselves live in their feature's module.
 *
 * <p>Owns the API and dashboard users ({@code lvs-sync.security.users}) and the security filter chain: HTTP Basic
 * for API clients, a login form for the dashboard (CSRF on every session request, login throttling, failed logins
 * logged); ADMIN sees everything, a COORDINATOR only their own schools. Offers {@link nl.lvssync.web.CurrentUser}:
 * who is asking, and which schools they may see; {@link nl.lvssync.web.ApiProblems} and
 * {@link nl.lvssync.web.ApiParams} for JSON errors that say what was wrong (every API error is a problem detail, also
 * what reaches {@code /error} or Tomcat itself); {@link nl.lvssync.web.Formats} ({@code @fmt} in templates); the pages'
 * layout ({@code templates/web/layout.html}), login and error pages, stylesheet and script. Until the routes run, and
 * again while the service stops, {@link nl.lvssync.web.NotReadyFilter} answers every call but the actuator's with 503
 * and Retry-After. Owns no table, publishes and consumes no events.
 */
@ApplicationModule(displayName = "Web (shared)", allowedDependencies = {})
package nl.lvssync.web;

import org.springframework.modulith.ApplicationModule;
