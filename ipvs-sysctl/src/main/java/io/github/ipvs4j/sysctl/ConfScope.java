package io.github.ipvs4j.sysctl;

import java.util.Objects;

/**
 * Which {@code net/ipv4/conf/*} (or {@code net/ipv6/conf/*}) directory a per-interface sysctl is in: {@link #ALL},
 * {@link #DEFAULT} (copied to interfaces created later) or one interface.
 *
 * <pre>{@code
 * LvsSysctls.arpIgnore(ConfScope.ALL).key();               // net/ipv4/conf/all/arp_ignore
 * LvsSysctls.arpIgnore(ConfScope.of("lo")).key();          // net/ipv4/conf/lo/arp_ignore
 * ConfScope.of("../all");                                  // InvalidValueException
 * }</pre>
 *
 * <p>How the kernel combines {@code all} with an interface's own value differs per knob (the larger of the two for
 * {@code arp_ignore}, {@code arp_announce} and {@code rp_filter}; either for {@code send_redirects}; see
 * {@code Documentation/networking/ip-sysctl.rst}), which is why the recipes set both.
 *
 * @param name {@code "all"}, {@code "default"} or a valid interface name
 */
public record ConfScope(String name) {
  /** {@code conf/all}: applies to every interface, combined with the interface's own value. */
  public static final ConfScope ALL = new ConfScope("all");
  /** {@code conf/default}: the value interfaces created later start with. */
  public static final ConfScope DEFAULT = new ConfScope("default");

  /** Checks the name with {@link InterfaceNames#requireValid}. */
  public ConfScope {
    Objects.requireNonNull(name, "name");
    InterfaceNames.requireValid(name);
  }

  /** The scope of interface {@code name} ({@code "all"} and {@code "default"} give {@link #ALL} and {@link #DEFAULT}). */
  public static ConfScope of(String name) {
    return new ConfScope(name);
  }

  /** Whether this is one interface rather than {@code all} or {@code default}. */
  public boolean isInterface() {
    return !name.equals("all") && !name.equals("default");
  }

  @Override
  public String toString() {
    return name;
  }
}
