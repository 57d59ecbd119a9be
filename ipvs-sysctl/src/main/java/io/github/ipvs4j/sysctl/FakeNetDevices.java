package io.github.ipvs4j.sysctl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory {@link NetDevices} for tests: interfaces and addresses in maps, with the kernel's rules that matter
 * to recipes (a VIP needs its device; deleting a device deletes its addresses; link kinds not in
 * {@link #supportedKinds} are refused). When created with a {@link FakeSysctl}, creating and deleting an interface
 * adds and removes its per-interface sysctls there, as the kernel does.
 *
 * <pre>{@code
 * FakeSysctl sysctl = FakeSysctl.withLvsDefaults("eth0");
 * FakeNetDevices devices = FakeNetDevices.create(sysctl).addLink("eth0", "");
 * devices.ensureVips(List.of(Vip.of("192.0.2.10", "eth0")));   // [192.0.2.10/32 dev eth0]
 * }</pre>
 *
 * <p>Starts with {@code lo} (index 1, up, holding 127.0.0.1/8). Thread-safe.
 */
public final class FakeNetDevices implements NetDevices {
  private final Optional<FakeSysctl> sysctl;
  private final Map<String, Link> links = new LinkedHashMap<>();
  private final List<InterfaceAddress> addresses = new ArrayList<>();
  private final Set<String> supportedKinds;
  private int nextIndex = 1;

  private FakeNetDevices(Optional<FakeSysctl> sysctl, Set<String> supportedKinds) {
    this.sysctl = sysctl;
    this.supportedKinds = Set.copyOf(supportedKinds);
    Link lo = new Link(nextIndex++, "lo", Optional.empty(), true);
    links.put("lo", lo);
    addresses.add(new InterfaceAddress("lo", lo.index(), Vip.literal("127.0.0.1"), 8, Optional.of("lo"), 0x80));
  }

  /** A fake with only {@code lo}, offering the link kinds dummy, ipip and veth. */
  public static FakeNetDevices create() {
    return new FakeNetDevices(Optional.empty(), Set.of("dummy", "ipip", "veth"));
  }

  /** {@link #create()}, keeping {@code sysctl}'s per-interface keys in step with the interfaces. */
  public static FakeNetDevices create(FakeSysctl sysctl) {
    return new FakeNetDevices(Optional.of(sysctl), Set.of("dummy", "ipip", "veth"));
  }

  /** The link kinds {@link #ensureLink} accepts. */
  public Set<String> supportedKinds() {
    return supportedKinds;
  }

  /** Adds an interface that is up, of {@code kind} ("" for none), as if it were there from the start. */
  public synchronized FakeNetDevices addLink(String name, String kind) {
    InterfaceNames.requireValid(name);
    if (!links.containsKey(name)) {
      links.put(name, new Link(nextIndex++, name, kind.isEmpty() ? Optional.empty() : Optional.of(kind), true));
      sysctl.ifPresent(s -> s.addInterface(name));
    }
    return this;
  }

  /** A copy of the whole state (links and addresses), for comparing before and after. */
  public synchronized String snapshot() {
    List<String> lines = new ArrayList<>();
    links.values().forEach(l -> lines.add(l.toString()));
    addresses.stream().map(InterfaceAddress::toString).sorted().forEach(lines::add);
    return String.join("\n", lines);
  }

  @Override
  public synchronized List<Link> links() {
    return List.copyOf(links.values());
  }

  @Override
  public synchronized List<InterfaceAddress> addresses() {
    return List.copyOf(addresses);
  }

  @Override
  public synchronized List<Vip> ensureVips(Collection<Vip> vips) {
    for (Vip v : vips) {
      if (!links.containsKey(v.device())) {
        throw new NoSuchInterfaceException("add VIP " + v + ": no such interface '" + v.device() + "'");
      }
    }
    List<Vip> added = new ArrayList<>();
    for (Vip v : vips) {
      if (addresses.stream().noneMatch(a -> a.matches(v))) {
        Link l = links.get(v.device());
        Optional<String> label = v.isIpv6() ? Optional.empty() : Optional.of(v.label().orElse(v.device()));
        addresses.add(new InterfaceAddress(v.device(), l.index(), v.address(), v.prefixLength(), label, 0x80));
        added.add(v);
      }
    }
    return added;
  }

  @Override
  public synchronized List<Vip> removeVips(Collection<Vip> vips) {
    List<Vip> removed = new ArrayList<>();
    for (Vip v : vips) {
      for (int i = 0; i < addresses.size(); i++) {
        if (addresses.get(i).matches(v)) {
          removed.add(addresses.remove(i).toVip());
          break;
        }
      }
    }
    return removed;
  }

  @Override
  public synchronized boolean ensureLink(String name, String kind) {
    InterfaceNames.requireValid(name);
    Objects.requireNonNull(kind, "kind");
    if (links.containsKey(name)) {
      return false;
    }
    if (!supportedKinds.contains(kind)) {
      throw new NetDeviceException("create " + kind + " interface " + name + ": the kernel does not offer link kind '"
          + kind + "' (EOPNOTSUPP)", java.util.OptionalInt.of(95), Optional.empty(), List.of(), null);
    }
    links.put(name, new Link(nextIndex++, name, Optional.of(kind), false));
    sysctl.ifPresent(s -> s.addInterface(name));
    return true;
  }

  @Override
  public synchronized void deleteLink(String name) {
    if (links.remove(name) == null) {
      throw new NoSuchInterfaceException("no such interface '" + name + "'");
    }
    addresses.removeIf(a -> a.device().equals(name));
    sysctl.ifPresent(s -> s.removeInterface(name));
  }

  @Override
  public synchronized boolean setLinkUp(String name, boolean up) {
    Link l = links.get(name);
    if (l == null) {
      throw new NoSuchInterfaceException("no such interface '" + name + "'");
    }
    if (l.up() == up) {
      return false;
    }
    links.put(name, new Link(l.index(), l.name(), l.kind(), up));
    return true;
  }

  @Override
  public synchronized String toString() {
    return "FakeNetDevices{" + snapshot().replace('\n', ';') + "}";
  }
}
