/**
 * OPP: the students' ontwikkelingsperspectiefplannen (development plans), mapped from the LVS and watched against the
 * OPP rules O1–O3 (verzuim-rules.md).
 *
 * <p>Owns the {@code opp_plan_version} table (every version of every plan as the school's OPP export gave it, the
 * older ones kept) and {@code opp_export} (every export received, with the report of its bad lines); its exports'
 * content hashes go to the shared repository of watched folders ({@code lvs::csv}, processor {@code opp-<school>}).
 * Reads who needs a plan from the enrolments the sync keeps ({@link nl.lvssync.sync.Enrolments}) by the school's
 * {@code opp.required-when}. Runs one folder route per school ({@code OppFolderRoutes}). Serves
 * {@code GET /api/schools/{school}/opp?status=}, {@code GET /api/schools/{school}/students/{lvsId}/opp} (current plan
 * and versions), its printable page ({@code …/opp/print}, also {@code /opp/{school}/{lvsId}}) and
 * {@code GET /api/schools/{school}/opp/exports}.
 *
 * <p>Offers {@link nl.lvssync.opp.OppBewaking} (each student's OPP judged today, with the findings the alert module
 * raises as OPP_DUE, OPP_OVERDUE, OPP_EVALUATION_DUE and OPP_INCOMPLETE; the current plan of a student for O4) and the
 * plain-Java rules {@link nl.lvssync.opp.OppTermijnen} and {@link nl.lvssync.opp.OppBehoefte}. Publishes
 * {@link nl.lvssync.opp.OppPlansImported} when an export brought new or corrected versions. Consumes no events.
 *
 * <p>Glossary: OPP (ontwikkelingsperspectiefplan), a plan with the student's expected exit and the support to reach it;
 * vastgesteld (set with the parents), geëvalueerd (evaluated with them), beëindigd (ended), concept (draft);
 * uitstroomprofiel (vervolgonderwijs, arbeid, dagbesteding) and uitstroombestemming (exit profile and destination);
 * beginsituatie (starting point); bevorderende/belemmerende factoren (factors that help or hinder); leerroute,
 * onderwijstraject, vakkenpakket (learning route, educational path, subjects); ondersteuningsarrangement (support
 * arrangement, e.g. TOP groep); begeleiding (guidance); handelingsdeel (the plan's part on what school does, which the
 * parents agree to); plaatsing (placement); behoefte (need); termijn (deadline); bewaking (watching).
 */
@ApplicationModule(displayName = "OPP",
        allowedDependencies = {"sync", "school", "time", "web", "audit", "lvs::csv", "verzuim::kalender"})
package nl.lvssync.opp;

import org.springframework.modulith.ApplicationModule;
