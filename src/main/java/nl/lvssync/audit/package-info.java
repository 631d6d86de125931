/**
 * Audit: the AVG log of who viewed or changed which alert or student record, and who downloaded which melding.
 *
 * <p>Owns the {@code audit_log} table (append only). Offers {@link nl.lvssync.audit.AuditLog}, which the alert and sync
 * modules call where a person reads or changes personal data. Serves {@code GET /api/audit} and the page
 * {@code /beheer/audit}, both for administrators. Publishes and consumes no events: an entry is written in the request
 * that did the reading, so no view goes unrecorded.
 *
 * <p>Glossary: AVG, the Dutch name of the GDPR; melding, the report of a student's verzuim to DUO.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"time", "web"})
package nl.lvssync.audit;

import org.springframework.modulith.ApplicationModule;
