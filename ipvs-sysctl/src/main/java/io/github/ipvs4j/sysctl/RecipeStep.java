package io.github.ipvs4j.sysctl;

import java.util.List;
import java.util.Objects;

/**
 * One thing an {@link LvsRecipe} wants true of the host: a sysctl value, VIPs on their devices, or an interface that
 * exists (and is up). Steps say what should be, not what to do: a step that already holds changes nothing.
 *
 * <pre>{@code
 * RecipeStep.sysctl(LvsSysctls.arpIgnore(ConfScope.ALL), 1);      // net/ipv4/conf/all/arp_ignore = 1
 * RecipeStep.vips(List.of(Vip.of("192.0.2.10", "lo").withLabel("lo:0")));
 * RecipeStep.link("tunl0", "ipip", true);                          // tunl0 exists and is up
 * }</pre>
 */
public sealed interface RecipeStep {
  /**
   * {@code key} holds {@code value}.
   *
   * @param key the sysctl
   * @param value its wanted value
   */
  record SetSysctl(SysctlKey key, String value) implements RecipeStep {
    /** Checks for nulls. */
    public SetSysctl {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return key + " = " + value;
    }
  }

  /**
   * Each of {@code vips} is on its device (added in one batch).
   *
   * @param vips the VIPs
   */
  record HaveVips(List<Vip> vips) implements RecipeStep {
    /** Freezes the list. */
    public HaveVips {
      vips = List.copyOf(vips);
    }

    @Override
    public String toString() {
      return vips.size() == 1 ? "VIP " + vips.get(0) : vips.size() + " VIPs";
    }
  }

  /**
   * Interface {@code name} exists (created with link kind {@code kind} if not) and, if {@code up}, is up.
   *
   * @param name the interface
   * @param kind the link kind to create it with, such as {@code "dummy"} or {@code "ipip"}
   * @param up whether it must be up
   */
  record HaveLink(String name, String kind, boolean up) implements RecipeStep {
    /** Checks the name. */
    public HaveLink {
      InterfaceNames.requireValid(name);
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
      return kind + " interface " + name + (up ? " up" : "");
    }
  }

  /** {@code sysctl} holds {@code value}, checked against its range now. */
  static RecipeStep sysctl(IntSysctl sysctl, int value) {
    return new SetSysctl(sysctl.key(), Integer.toString(sysctl.check(value)));
  }

  /** {@code key} holds {@code value}. */
  static RecipeStep sysctl(SysctlKey key, String value) {
    return new SetSysctl(key, value);
  }

  /** Each of {@code vips} is on its device. */
  static RecipeStep vips(List<Vip> vips) {
    return new HaveVips(vips);
  }

  /** Interface {@code name} exists (of link kind {@code kind} if created) and, if {@code up}, is up. */
  static RecipeStep link(String name, String kind, boolean up) {
    return new HaveLink(name, kind, up);
  }
}
