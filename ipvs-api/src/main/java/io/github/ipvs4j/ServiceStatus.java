package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * A virtual service as read from the kernel: its specification and its counters.
 *
 * @param spec the specification
 * @param stats the counters and rates
 */
public record ServiceStatus(VirtualService spec, Stats stats) {
  /** Checks every argument. */
  public ServiceStatus {
    Checks.notNull("spec", spec);
    Checks.notNull("stats", stats);
  }

  /** The service's key. */
  public ServiceKey key() {
    return spec.key();
  }

  /** The specification and a short counter summary. */
  @Override
  public String toString() {
    return spec + " [conns " + Long.toUnsignedString(stats.connections()) + "]";
  }
}
