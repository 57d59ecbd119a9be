package io.github.ipvs4j.sysctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link Sysctl} for tests (kube-proxy's {@code sysctl/testing.NewFake}): keys exist only once
 * {@linkplain #put put} there; {@link #set} never creates a key, as the kernel never does.
 *
 * <pre>{@code
 * FakeSysctl fake = FakeSysctl.withLvsDefaults("eth0");   // all, default, lo, eth0: the kernel's defaults
 * LvsRecipe.drRealServer(List.of(vip)).apply(LvsHost.of(fake, devices));
 * fake.get(LvsSysctls.arpIgnore(ConfScope.ALL).key());     // "1"
 * }</pre>
 *
 * <p>A missing {@code conf/IFACE/...} key whose interface has no key at all is reported as
 * {@link NoSuchInterfaceException}, like {@link ProcSysctl}. Thread-safe.
 */
public final class FakeSysctl implements Sysctl {
  private final TreeMap<SysctlKey, String> values = new TreeMap<>();

  private FakeSysctl() {}

  /** An empty fake. */
  public static FakeSysctl create() {
    return new FakeSysctl();
  }

  /** A fake holding {@code values}. */
  public static FakeSysctl of(Map<SysctlKey, String> values) {
    FakeSysctl f = new FakeSysctl();
    values.forEach(f::put);
    return f;
  }

  /**
   * A fake with the keys {@link LvsSysctls} names, at the kernel's defaults, for {@code all}, {@code default},
   * {@code lo} and each of {@code interfaces}: {@code ip_forward} 0, {@code arp_ignore} 0, {@code arp_announce} 0,
   * {@code send_redirects} 1, {@code rp_filter} 0, {@code accept_local} 0, forwarding 0.
   */
  public static FakeSysctl withLvsDefaults(String... interfaces) {
    FakeSysctl f = new FakeSysctl();
    f.put(LvsSysctls.IP_FORWARD.key(), "0");
    f.addInterface("all");
    f.addInterface("default");
    f.addInterface("lo");
    for (String i : interfaces) {
      f.addInterface(i);
    }
    return f;
  }

  /**
   * Adds the per-interface keys of {@code name} with the values {@code default} holds (as the kernel does for a new
   * interface), or the kernel's defaults when there is no {@code default} yet.
   */
  public synchronized FakeSysctl addInterface(String name) {
    ConfScope s = ConfScope.of(name);
    List<IntSysctl> knobs = List.of(
        LvsSysctls.arpIgnore(s), LvsSysctls.arpAnnounce(s), LvsSysctls.sendRedirects(s), LvsSysctls.rpFilter(s),
        LvsSysctls.acceptLocal(s), LvsSysctls.ipv4Forwarding(s), LvsSysctls.ipv6Forwarding(s));
    for (IntSysctl k : knobs) {
      String fromDefault = values.get(SysctlKey.of(k.key().path().replace("/" + name + "/", "/default/")));
      String kernelDefault = k.key().name().equals("send_redirects") ? "1" : "0";
      values.put(k.key(), fromDefault != null ? fromDefault : kernelDefault);
    }
    return this;
  }

  /** Removes every per-interface key of {@code name}, as deleting the interface does. */
  public synchronized FakeSysctl removeInterface(String name) {
    values.keySet().removeIf(k -> k.interfaceName().filter(name::equals).isPresent());
    return this;
  }

  /** Creates or replaces {@code key}. */
  public synchronized FakeSysctl put(SysctlKey key, String value) {
    values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** A copy of every key and value. */
  public synchronized Map<SysctlKey, String> snapshot() {
    return new TreeMap<>(values);
  }

  @Override
  public synchronized String get(SysctlKey key) {
    String v = values.get(Objects.requireNonNull(key, "key"));
    if (v == null) {
      throw missing(key);
    }
    return v;
  }

  @Override
  public synchronized Optional<String> find(SysctlKey key) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public synchronized void set(SysctlKey key, String value) {
    Objects.requireNonNull(value, "value");
    if (!values.containsKey(Objects.requireNonNull(key, "key"))) {
      throw missing(key);
    }
    values.put(key, value);
  }

  @Override
  public synchronized List<SysctlKey> list(SysctlKey dir) {
    String prefix = dir.path() + "/";
    List<SysctlKey> out = new ArrayList<>();
    for (SysctlKey k : values.keySet()) {
      if (k.path().startsWith(prefix) && k.path().indexOf('/', prefix.length()) < 0) {
        out.add(k);
      }
    }
    if (out.isEmpty()) {
      throw new NoSuchSysctlException("sysctl " + dir + ": no such directory");
    }
    return out;
  }

  private RuntimeException missing(SysctlKey key) {
    Optional<String> iface = key.interfaceName();
    if (iface.isPresent()
        && values.keySet().stream().noneMatch(k -> k.interfaceName().equals(iface))) {
      return new NoSuchInterfaceException("sysctl " + key + ": no such interface '" + iface.get() + "'");
    }
    return new NoSuchSysctlException("sysctl " + key + ": no such key");
  }

  @Override
  public synchronized String toString() {
    return "FakeSysctl" + values;
  }
}
