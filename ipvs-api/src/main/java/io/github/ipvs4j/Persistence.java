package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * Client persistence of a virtual service ({@code ipvsadm -p [timeout] -M netmask}): connections from one client (or
 * one client network, by {@link #netmask()}) go to the same destination while a template lives.
 *
 * @param timeout how long a persistence template lives after its last connection: whole seconds, 0-4294967295 (the
 *     kernel's u32; ipvsadm's command line allows 1-2678400, 31 days, and defaults to 360 s)
 * @param netmask the client netmask; empty means a host mask (one template per client address): the kernel reports
 *     that as 255.255.255.255 or /128, and {@link VirtualService} stores a host mask of the service's family as empty
 */
public record Persistence(Duration timeout, Optional<Netmask> netmask) {
  /** ipvsadm's default timeout for a bare {@code -p}: 360 seconds ({@code IPVS_SVC_PERSISTENT_TIMEOUT}). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(6);

  /** The largest timeout ipvsadm's command line accepts: 2678400 seconds (31 days). */
  public static final Duration IPVSADM_MAX_TIMEOUT = Duration.ofDays(31);

  /** Checks every argument. */
  public Persistence {
    Checks.seconds("persistence.timeout", timeout, 0, 0xFFFF_FFFFL);
    Checks.notNull("persistence.netmask", netmask);
  }

  /** Persistence for {@code timeout} per client address. */
  public static Persistence of(Duration timeout) {
    return new Persistence(timeout, Optional.empty());
  }

  /** Persistence for {@code timeout} per client network of {@code netmask}. */
  public static Persistence of(Duration timeout, Netmask netmask) {
    return new Persistence(timeout, Optional.of(Checks.notNull("persistence.netmask", netmask)));
  }

  /** Persistence for {@code seconds} per client address. */
  public static Persistence ofSeconds(long seconds) {
    return of(Duration.ofSeconds(seconds));
  }

  /** This persistence with another timeout. */
  public Persistence withTimeout(Duration timeout) {
    return new Persistence(timeout, netmask);
  }

  /** This persistence with another netmask. */
  public Persistence withNetmask(Netmask netmask) {
    return new Persistence(timeout, Optional.of(Checks.notNull("persistence.netmask", netmask)));
  }

  /** The netmask, or the host mask of {@code family} when none is set. */
  public Netmask netmaskOrHost(AddressFamily family) {
    return netmask.orElseGet(() -> Netmask.host(family));
  }
}
