package io.github.ipvs4j.internal;

import io.github.ipvs4j.ServiceKey;
import java.util.Comparator;

/** The canonical order of service keys, kept out of {@link ServiceKey}'s own initialiser. Not API. */
public final class KeyOrder {
  private KeyOrder() {}

  /** See {@link ServiceKey#ORDER}. */
  public static final Comparator<ServiceKey> SERVICE_KEYS = KeyOrder::compare;

  /**
   * By firewall mark (0 for protocol/address/port keys), family, then protocol number, address and port. One method
   * rather than a chain of {@code thenComparing}: sorting a table of 10,000 services runs it 130,000 times, and the
   * JIT compiles the sort with it inlined.
   */
  private static int compare(ServiceKey a, ServiceKey b) {
    int c = Long.compare(a.fwmarkOrZero(), b.fwmarkOrZero());
    if (c == 0) {
      c = a.family().compareTo(b.family());
    }
    // equal marks and families: both keys are Inet (mark 0) or both the same FwMark (marks start at 1)
    if (c != 0 || !(a instanceof ServiceKey.Inet x) || !(b instanceof ServiceKey.Inet y)) {
      return c;
    }
    c = Integer.compare(x.protocol().number(), y.protocol().number());
    if (c == 0) {
      c = InetAddresses.compare(x.address(), y.address());
    }
    return c != 0 ? c : Integer.compare(x.port(), y.port());
  }
}
