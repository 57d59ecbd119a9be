package io.github.ipvs4j.sysctl;

import java.util.Objects;

/**
 * One sysctl written: its key, the value it held before and the value written.
 *
 * <pre>{@code
 * sysctl.ensure(LvsSysctls.IP_FORWARD, 1);  // Optional[net/ipv4/ip_forward: 0 -> 1]
 * }</pre>
 *
 * @param key the sysctl
 * @param oldValue what it held before, as read
 * @param newValue what was written
 */
public record SysctlChange(SysctlKey key, String oldValue, String newValue) {
  /** Checks for nulls. */
  public SysctlChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
  }

  /** The change that undoes this one. */
  public SysctlChange inverse() {
    return new SysctlChange(key, newValue, oldValue);
  }

  @Override
  public String toString() {
    return key + ": " + oldValue + " -> " + newValue;
  }
}
