package io.github.ipvs4j.sysctl;

import java.util.Objects;

/**
 * One change made (or, in a {@link RecipePlan}, to be made) to a host, with what it takes to undo it exactly: the
 * sysctl's prior value, the VIP added, the interface created or brought up.
 *
 * <pre>{@code
 * new HostChange.SysctlSet(SysctlKey.of("net/ipv4/ip_forward"), "0", "1");  // undone by writing "0"
 * new HostChange.VipAdded(Vip.of("192.0.2.10", "lo").withLabel("lo:0"));   // undone by removing it
 * new HostChange.LinkCreated("tunl0", "ipip");                              // undone by deleting tunl0
 * new HostChange.LinkUp("tunl0");                                           // undone by setting it down
 * }</pre>
 */
public sealed interface HostChange {
  /**
   * A sysctl written.
   *
   * @param key the sysctl
   * @param oldValue what it held before (restored on revert)
   * @param newValue what was written
   */
  record SysctlSet(SysctlKey key, String oldValue, String newValue) implements HostChange {
    /** Checks for nulls. */
    public SysctlSet {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(oldValue, "oldValue");
      Objects.requireNonNull(newValue, "newValue");
    }

    @Override
    public String toString() {
      return "sysctl " + key + ": " + oldValue + " -> " + newValue;
    }
  }

  /**
   * A VIP added (it was not on its device before).
   *
   * @param vip the VIP
   */
  record VipAdded(Vip vip) implements HostChange {
    /** Checks for null. */
    public VipAdded {
      Objects.requireNonNull(vip, "vip");
    }

    @Override
    public String toString() {
      return "add " + vip;
    }
  }

  /**
   * An interface created (it did not exist before).
   *
   * @param name the interface
   * @param kind its link kind
   */
  record LinkCreated(String name, String kind) implements HostChange {
    /** Checks the name. */
    public LinkCreated {
      InterfaceNames.requireValid(name);
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
      return "create " + kind + " interface " + name;
    }
  }

  /**
   * An interface brought up (it was down before).
   *
   * @param name the interface
   */
  record LinkUp(String name) implements HostChange {
    /** Checks the name. */
    public LinkUp {
      InterfaceNames.requireValid(name);
    }

    @Override
    public String toString() {
      return "set " + name + " up";
    }
  }
}
