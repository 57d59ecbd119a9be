package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * A destination as read from the kernel: its specification, its connection counts and its counters.
 *
 * @param spec the specification
 * @param activeConnections established connections ({@code IPVS_DEST_ATTR_ACTIVE_CONNS}), 0-4294967295
 * @param inactiveConnections other connections ({@code IPVS_DEST_ATTR_INACT_CONNS}), 0-4294967295
 * @param persistentConnections persistence templates ({@code IPVS_DEST_ATTR_PERSIST_CONNS}), 0-4294967295
 * @param stats the counters and rates
 */
public record DestinationStatus(
    Destination spec,
    long activeConnections,
    long inactiveConnections,
    long persistentConnections,
    Stats stats) {
  /** Checks every argument. */
  public DestinationStatus {
    Checks.notNull("spec", spec);
    Checks.range("activeConnections", activeConnections, 0, 0xFFFF_FFFFL);
    Checks.range("inactiveConnections", inactiveConnections, 0, 0xFFFF_FFFFL);
    Checks.range("persistentConnections", persistentConnections, 0, 0xFFFF_FFFFL);
    Checks.notNull("stats", stats);
  }

  /** The specification with the connection counts, as {@code ipvsadm -L -n} shows them. */
  @Override
  public String toString() {
    return spec + " active " + activeConnections + " inactive " + inactiveConnections;
  }
}
