package io.github.ipvs4j.sysctl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Interfaces and their addresses, as far as LVS set-ups need them: list, add and remove VIPs, create a dummy or
 * {@code ipip} interface, bring it up. {@link VipAliases} is the real one (rtnetlink); {@link FakeNetDevices} keeps
 * everything in memory for tests.
 *
 * <pre>{@code
 * NetDevices devices = VipAliases.open(NetNamespace.named("rs1"));
 * devices.ensureVips(List.of(Vip.of("192.0.2.10", "lo").withLabel("lo:0")));  // [192.0.2.10/32 dev lo label lo:0]
 * devices.ensureVips(List.of(Vip.of("192.0.2.10", "lo").withLabel("lo:0")));  // []: already there
 * devices.removeVips(List.of(Vip.of("192.0.2.10", "lo")));                    // [192.0.2.10/32 dev lo]
 * }</pre>
 *
 * <p>Changes are diff-based and idempotent: one listing, then only the requests that change something.
 */
public interface NetDevices {
  /** Every interface. */
  List<Link> links();

  /** The interface called {@code name}, if there is one. */
  default Optional<Link> link(String name) {
    InterfaceNames.requireValid(name);
    return links().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Every address on every interface. */
  List<InterfaceAddress> addresses();

  /**
   * Adds each of {@code vips} that is not on its device yet (a VIP already there, with any label, counts as done).
   *
   * @return the VIPs added, in the order given
   * @throws NoSuchInterfaceException if a VIP's device does not exist (nothing is added)
   * @throws NetDeviceException if the kernel refused some; {@link NetDeviceException#changed()} lists those added
   */
  List<Vip> ensureVips(Collection<Vip> vips);

  /**
   * Removes each of {@code vips} that is on its device (one that is not counts as done).
   *
   * @return the VIPs removed, as they were listed (with their labels)
   * @throws NetDeviceException if the kernel refused some; {@link NetDeviceException#changed()} lists those removed
   */
  List<Vip> removeVips(Collection<Vip> vips);

  /**
   * Creates interface {@code name} of link kind {@code kind} ({@code "dummy"}, {@code "ipip"}) unless an interface of
   * that name exists.
   *
   * @return true if it was created, false if it existed
   * @throws NetDeviceException if the kernel does not offer {@code kind} or refuses
   */
  boolean ensureLink(String name, String kind);

  /**
   * Deletes interface {@code name} (with its addresses and per-interface sysctls).
   *
   * @throws NoSuchInterfaceException if there is no such interface
   */
  void deleteLink(String name);

  /**
   * Brings interface {@code name} up or down.
   *
   * @return true if that changed its state
   * @throws NoSuchInterfaceException if there is no such interface
   */
  boolean setLinkUp(String name, boolean up);
}
