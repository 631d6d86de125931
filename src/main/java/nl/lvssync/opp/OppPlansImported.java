package nl.lvssync.opp;

/**
 * An OPP export brought new or changed plan versions for a school: its OPP alerts are judged again. Published after
 * the versions are committed.
 */
public record OppPlansImported(String school, String file, int newVersions, int changedVersions) {
}
