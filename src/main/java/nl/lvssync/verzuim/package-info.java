/**
 * Verzuim: the rules of the Leerplichtwet, as plain Java without Spring, Camel or a database.
 *
 * <p>Offers {@link nl.lvssync.verzuim.VerzuimRegels}: from a leerling's lessen and absenties, the school's calendar
 * and its policy, the findings ({@link nl.lvssync.verzuim.Bevinding}) of every rule; and the verdict of one
 * absence ({@link nl.lvssync.verzuim.Verdict}) and the unit hours are counted in ({@link nl.lvssync.verzuim.Eenheid}).
 * The named interface {@code kalender} offers the school calendar: regions, schoolvakanties, national days off and
 * lesweken. Owns no table, publishes and consumes no events, depends on no other module.
 *
 * <p>Glossary (the law's words, kept in Dutch):
 * <ul>
 * <li>verzuim: absence from school; ongeoorloofd (unexcused) or geoorloofd (excused)</li>
 * <li>leerling: a student; leerplicht/kwalificatieplicht: the duty to attend school (Plicht)</li>
 * <li>les, lesuur, lesweek: a lesson, a lesson period, a school week with at least one lesson day (lesdag)</li>
 * <li>absentie: one absence registration; bevinding: what a rule found; bijdrage: an absence counted in it</li>
 * <li>regel: a rule (LEGAL_16H: 16 hours unexcused in 4 lesweken, LRV: langdurig relatief verzuim, LUXE: luxe
 *     verzuim around a holiday, SIGNAL: signaalverzuim, MAZL: ziekteverzuim to talk about)</li>
 * <li>beleid: a school's thresholds; eenheid: lesuren or klokuren</li>
 * <li>kalender, schoolvakantie, regio, feestdag: calendar, school holiday, region (noord, midden, zuid), day off</li>
 * </ul>
 */
@ApplicationModule(displayName = "Verzuim (rules)", allowedDependencies = {})
package nl.lvssync.verzuim;

import org.springframework.modulith.ApplicationModule;
