/** The school calendar: regions, schoolvakanties, national days off, and which weeks are lesweken. */
@NamedInterface("kalender")
package nl.lvssync.verzuim.kalender;

import org.springframework.modulith.NamedInterface;
