package io.github.ipvs4j.sysctl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes sysctls: kube-proxy's {@code Sysctl} (get, set) plus {@link #ensure}, which writes only when the
 * value differs and says what it changed. {@link ProcSysctl} is the real one ({@code /proc/sys}, in any network
 * namespace); {@link FakeSysctl} keeps the values in memory for tests.
 *
 * <pre>{@code
 * Sysctl sysctl = ProcSysctl.in(NetNamespace.named("lvs1"));
 * String before = sysctl.get(SysctlKey.of("net/ipv4/ip_forward"));           // "0"
 * Optional<SysctlChange> c = sysctl.ensure(LvsSysctls.IP_FORWARD, 1);         // Optional[net/ipv4/ip_forward: 0 -> 1]
 * sysctl.ensure(LvsSysctls.IP_FORWARD, 1);                                    // Optional.empty(): nothing to do
 * sysctl.find(SysctlKey.of("net/ipv4/vs/conntrack"));                        // Optional.empty() without ip_vs
 * }</pre>
 *
 * <p>Values are the file's text without the trailing newline. Implementations are thread-safe.
 *
 * <p>Errors: a missing key is {@link NoSuchSysctlException}, a missing interface (a {@code conf/IFACE} key whose
 * interface does not exist) {@link NoSuchInterfaceException}, a value the kernel refuses
 * {@link io.github.ipvs4j.InvalidArgumentException}, a missing privilege
 * {@link io.github.ipvs4j.PermissionDeniedException}, any other failure {@link SysctlException}.
 */
public interface Sysctl {
  /**
   * The value of {@code key}.
   *
   * @throws NoSuchSysctlException if the key does not exist
   * @throws NoSuchInterfaceException if it is a per-interface key and the interface does not exist
   */
  String get(SysctlKey key);

  /** The value of {@code key}, or empty if it does not exist (any other failure still throws). */
  Optional<String> find(SysctlKey key);

  /**
   * Writes {@code value} to {@code key}, whatever it held.
   *
   * @throws NoSuchSysctlException if the key does not exist (a sysctl is never created)
   * @throws io.github.ipvs4j.InvalidArgumentException if the kernel refuses the value (EINVAL)
   */
  void set(SysctlKey key, String value);

  /**
   * The keys directly below the directory {@code dir}, sorted; directories below it are left out.
   *
   * <pre>{@code sysctl.list(LvsSysctls.VS); // [net/ipv4/vs/am_droprate, net/ipv4/vs/amemthresh, ...]}</pre>
   *
   * @throws NoSuchSysctlException if the directory does not exist (for {@code net/ipv4/vs}: IPVS is not loaded)
   */
  List<SysctlKey> list(SysctlKey dir);

  /**
   * The values of {@code keys}, in the order given; a missing key throws as {@link #get} does. {@link ProcSysctl}
   * reads them all from one thread in the namespace.
   */
  default Map<SysctlKey, String> getAll(Collection<SysctlKey> keys) {
    Map<SysctlKey, String> out = new LinkedHashMap<>();
    for (SysctlKey k : keys) {
      out.put(k, get(k));
    }
    return out;
  }

  /**
   * Writes {@code value} only if {@code key} holds something else, and returns what changed.
   *
   * @return the change ({@code key}, old value, new value), or empty if the key already held {@code value}
   */
  default Optional<SysctlChange> ensure(SysctlKey key, String value) {
    Objects.requireNonNull(value, "value");
    String old = get(key);
    if (old.equals(value)) {
      return Optional.empty();
    }
    set(key, value);
    return Optional.of(new SysctlChange(key, old, value));
  }

  /** The value of an integer sysctl. */
  default int getInt(IntSysctl sysctl) {
    return sysctl.parse(get(sysctl.key()));
  }

  /**
   * Writes an integer sysctl after checking its range.
   *
   * @throws io.github.ipvs4j.InvalidValueException if {@code value} is outside the sysctl's range (nothing written)
   */
  default void setInt(IntSysctl sysctl, int value) {
    set(sysctl.key(), Integer.toString(sysctl.check(value)));
  }

  /**
   * {@link #ensure(SysctlKey, String)} for an integer sysctl, after checking its range. The current value is compared
   * as a number, so {@code "01"} counts as 1.
   */
  default Optional<SysctlChange> ensure(IntSysctl sysctl, int value) {
    sysctl.check(value);
    String old = get(sysctl.key());
    if (sysctl.parse(old) == value) {
      return Optional.empty();
    }
    String text = Integer.toString(value);
    set(sysctl.key(), text);
    return Optional.of(new SysctlChange(sysctl.key(), old, text));
  }

  /** Every change {@link #ensure(SysctlKey, String)} makes for {@code values}, in order. */
  default List<SysctlChange> ensureAll(Map<SysctlKey, String> values) {
    List<SysctlChange> out = new ArrayList<>();
    values.forEach((k, v) -> ensure(k, v).ifPresent(out::add));
    return out;
  }
}
