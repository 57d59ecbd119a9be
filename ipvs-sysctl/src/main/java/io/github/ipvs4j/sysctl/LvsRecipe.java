package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.sysctl.internal.RecipeEngine;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An LVS role set-up as a value: the seed recipes (NAT director, DR director, DR real server, TUN director, TUN real
 * server) typed, or any list of {@link RecipeStep}s. A recipe can {@link #check} a host (what would change), be
 * {@link #apply applied} (returning a handle with exactly the prior values), and the handle {@link #revert reverted},
 * also after a partial failure, which reverts by itself.
 *
 * <pre>{@code
 * LvsRecipe rs = LvsRecipe.drRealServer(List.of(Vip.literal("192.0.2.10")));
 * try (LvsHost host = LvsHost.open(NetNamespace.named("rs1"))) {
 *   rs.check(host).changes();  // [sysctl net/ipv4/conf/all/arp_ignore: 0 -> 1, ..., add 192.0.2.10/32 dev lo label lo:0]
 *   AppliedRecipe handle = rs.apply(host);
 *   rs.check(host).isSatisfied();   // true
 *   LvsRecipe.revert(host, handle); // every sysctl and address back as it was
 * }
 * }</pre>
 *
 * <p>This replaces the classic per-host start/stop script ({@code echo 1 > .../arp_ignore}, {@code ifconfig lo:0 VIP
 * netmask 255.255.255.255 up}, ...) whose {@code stop} wrote 0s back whatever the values had been: revert writes back
 * what was read before, and removes only the addresses and interfaces apply added.
 *
 * <p><b>Order and failures.</b> Steps run in order; each reads its prior value right before it writes. If a step
 * fails, the changes made so far are undone in reverse order and {@link RecipeFailedException} says what was done,
 * what was undone and what was not tried. Recipes hold no host state and are immutable.
 *
 * @param name a one-word name, kept in the handle (such as {@code "dr-real-server"})
 * @param steps what the host should look like, in the order to make it so
 */
public record LvsRecipe(String name, List<RecipeStep> steps) {
  /** Checks the name (one word of printable ASCII) and freezes the steps. */
  public LvsRecipe {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
      throw new InvalidValueException("name", "'" + name + "'", "one word of printable ASCII");
    }
    steps = List.copyOf(steps);
  }

  /** A recipe of {@code steps}. */
  public static LvsRecipe of(String name, List<RecipeStep> steps) {
    return new LvsRecipe(name, steps);
  }

  /** This recipe with {@code more} steps at the end. */
  public LvsRecipe plus(RecipeStep... more) {
    List<RecipeStep> all = new ArrayList<>(steps);
    all.addAll(List.of(more));
    return new LvsRecipe(name, all);
  }

  /**
   * NAT director: forwards IPv4 ({@code ip_forward = 1}) and sends no ICMP redirects ({@code send_redirects = 0} on
   * {@code all}, {@code default} and each of {@code interfaces}), since the real servers' replies come back through it.
   *
   * <pre>{@code LvsRecipe.natDirector(List.of("eth0", "eth1")).steps();
   * // [net/ipv4/ip_forward = 1, net/ipv4/conf/eth0/send_redirects = 0, .../eth1/send_redirects = 0,
   * //  .../all/send_redirects = 0, .../default/send_redirects = 0]}</pre>
   */
  public static LvsRecipe natDirector(List<String> interfaces) {
    List<RecipeStep> s = new ArrayList<>();
    s.add(RecipeStep.sysctl(LvsSysctls.IP_FORWARD, 1));
    noRedirects(s, interfaces);
    return new LvsRecipe("nat-director", s);
  }

  /**
   * DR director: the VIPs as aliases on the outward interface (IPv4 ones labelled {@code IFACE:0}, {@code IFACE:1},
   * ... as {@code ifconfig eth0:0 VIP} made, when the label fits 15 bytes), and no ICMP redirects
   * ({@code send_redirects = 0} on {@code all}, {@code default} and the interface).
   */
  public static LvsRecipe drDirector(String outward, List<InetAddress> vips) {
    return director("dr-director", outward, vips);
  }

  /**
   * TUN director: as {@link #drDirector}: the VIPs on the outward interface, no ICMP redirects. (IPVS does the
   * IP-in-IP encapsulation itself; the director needs no tunnel interface.)
   */
  public static LvsRecipe tunDirector(String outward, List<InetAddress> vips) {
    return director("tun-director", outward, vips);
  }

  private static LvsRecipe director(String name, String outward, List<InetAddress> vips) {
    InterfaceNames.requireValid(outward);
    List<RecipeStep> s = new ArrayList<>();
    s.add(RecipeStep.vips(labelled(outward, vips)));
    noRedirects(s, List.of(outward));
    return new LvsRecipe(name, s);
  }

  /**
   * DR real server: never answers ARP for the VIPs ({@code arp_ignore = 1} and {@code arp_announce = 2} on
   * {@code all} and {@code lo}, set first, as the classic script does), then the VIPs as /32 (/128) on {@code lo},
   * IPv4 ones labelled {@code lo:0}, {@code lo:1}, ...
   */
  public static LvsRecipe drRealServer(List<InetAddress> vips) {
    List<RecipeStep> s = new ArrayList<>();
    arp(s, "lo");
    s.add(RecipeStep.vips(labelled("lo", vips)));
    return new LvsRecipe("dr-real-server", s);
  }

  /**
   * TUN real server: {@code tunl0} exists (created as an {@code ipip} link if the kernel has none) and is up; ARP as
   * for a DR real server on {@code all} and {@code tunl0}; reverse-path filtering off ({@code rp_filter = 0}) on
   * {@code all} and {@code tunl0}, since decapsulated packets arrive on {@code tunl0} from sources not routed through
   * it (the kernel uses the larger of the two values); then the VIPs on {@code tunl0}.
   *
   * <p>A revert takes {@code tunl0} down again (or deletes it if the recipe created it), but bringing an existing
   * {@code tunl0} up for the first time leaves two kernel traces no write can undo: its default qdisc stays attached,
   * and IPv6's per-device state ({@code net/ipv6/conf/tunl0/*}, at the {@code default} values) stays created.
   */
  public static LvsRecipe tunRealServer(List<InetAddress> vips) {
    List<RecipeStep> s = new ArrayList<>();
    s.add(RecipeStep.link("tunl0", "ipip", true));
    arp(s, "tunl0");
    s.add(RecipeStep.sysctl(LvsSysctls.rpFilter(ConfScope.ALL), LvsSysctls.RP_FILTER_OFF));
    s.add(RecipeStep.sysctl(LvsSysctls.rpFilter(ConfScope.of("tunl0")), LvsSysctls.RP_FILTER_OFF));
    List<Vip> v = new ArrayList<>();
    vips.forEach(a -> v.add(Vip.of(a, "tunl0")));
    s.add(RecipeStep.vips(v));
    return new LvsRecipe("tun-real-server", s);
  }

  /**
   * The interfaces come before {@code default}: a write to {@code conf/default} also sets every interface that never
   * had its own value written, so written after it, the interfaces' steps would find nothing left to change and the
   * applied changes would differ from the plan (seen on Linux 6.1).
   */
  private static void noRedirects(List<RecipeStep> s, List<String> interfaces) {
    for (String i : interfaces) {
      s.add(RecipeStep.sysctl(LvsSysctls.sendRedirects(ConfScope.of(i)), 0));
    }
    s.add(RecipeStep.sysctl(LvsSysctls.sendRedirects(ConfScope.ALL), 0));
    s.add(RecipeStep.sysctl(LvsSysctls.sendRedirects(ConfScope.DEFAULT), 0));
  }

  private static void arp(List<RecipeStep> s, String device) {
    s.add(RecipeStep.sysctl(LvsSysctls.arpIgnore(ConfScope.ALL), LvsSysctls.ARP_IGNORE_LOCAL_TARGET_ON_IFACE));
    s.add(RecipeStep.sysctl(LvsSysctls.arpAnnounce(ConfScope.ALL), LvsSysctls.ARP_ANNOUNCE_BEST_LOCAL));
    s.add(RecipeStep.sysctl(LvsSysctls.arpIgnore(ConfScope.of(device)), LvsSysctls.ARP_IGNORE_LOCAL_TARGET_ON_IFACE));
    s.add(RecipeStep.sysctl(LvsSysctls.arpAnnounce(ConfScope.of(device)), LvsSysctls.ARP_ANNOUNCE_BEST_LOCAL));
  }

  private static List<Vip> labelled(String device, List<InetAddress> vips) {
    List<Vip> out = new ArrayList<>();
    int n = 0;
    for (InetAddress a : vips) {
      Vip v = Vip.of(a, device);
      if (!v.isIpv6()) {
        String label = device + ":" + n++;
        if (label.getBytes(StandardCharsets.UTF_8).length <= InterfaceNames.MAX_LENGTH) {
          v = v.withLabel(label);
        }
      }
      out.add(v);
    }
    return out;
  }

  /** What applying this recipe would change on {@code host} now, and what would make it fail. Changes nothing. */
  public RecipePlan check(LvsHost host) {
    return RecipeEngine.check(host, steps);
  }

  /**
   * Applies the steps in order and returns the handle of exactly what changed.
   *
   * @throws RecipeFailedException if a step failed; what had been done is undone, and the exception says so
   */
  public AppliedRecipe apply(LvsHost host) {
    return RecipeEngine.apply(host, name, steps);
  }

  /**
   * Undoes {@code handle} on {@code host} in reverse order: prior sysctl values written back, added VIPs removed,
   * interfaces brought down or deleted. Every change is tried even if one fails.
   *
   * @throws RecipeFailedException if some change could not be undone ({@link RecipeFailedException#notReverted()})
   */
  public static void revert(LvsHost host, AppliedRecipe handle) {
    RecipeEngine.revert(host, handle);
  }
}
