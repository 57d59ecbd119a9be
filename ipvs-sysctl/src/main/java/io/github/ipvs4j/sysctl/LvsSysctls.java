package io.github.ipvs4j.sysctl;

import java.util.List;
import java.util.Objects;

/**
 * The sysctls an LVS set-up touches, typed with their ranges: the per-interface ARP and routing knobs, forwarding, and
 * the {@code net/ipv4/vs/*} knobs of IPVS (discovered at run time with {@link Sysctl#list}, since which exist depends
 * on the kernel's version and configuration).
 *
 * <pre>{@code
 * Sysctl sysctl = ProcSysctl.current();
 * sysctl.ensure(LvsSysctls.arpIgnore(ConfScope.ALL), LvsSysctls.ARP_IGNORE_LOCAL_TARGET_ON_IFACE);
 * sysctl.ensure(LvsSysctls.arpAnnounce(ConfScope.of("lo")), LvsSysctls.ARP_ANNOUNCE_BEST_LOCAL);
 * sysctl.getInt(LvsSysctls.IP_FORWARD);                        // 0 or 1
 * List<SysctlKey> vs = sysctl.list(LvsSysctls.VS);             // net/ipv4/vs/am_droprate, .../conntrack, ...
 * sysctl.getInt(LvsSysctls.vs("expire_nodest_conn"));          // 0
 * }</pre>
 *
 * <p>Ranges follow {@code Documentation/networking/ip-sysctl.rst} and {@code ipvs-sysctl.rst}.
 */
public final class LvsSysctls {
  private LvsSysctls() {}

  /** {@code net/ipv4/ip_forward}: 1 forwards IPv4 between interfaces (NAT director). */
  public static final IntSysctl IP_FORWARD = new IntSysctl(SysctlKey.of("net/ipv4/ip_forward"), 0, 1);
  /** {@code net/ipv4/vs}: the directory of the IPVS knobs (present once {@code ip_vs} is loaded). */
  public static final SysctlKey VS = SysctlKey.of("net/ipv4/vs");

  /** {@code arp_ignore = 1}: answer ARP only for addresses configured on the interface the request came in on. */
  public static final int ARP_IGNORE_LOCAL_TARGET_ON_IFACE = 1;
  /** {@code arp_announce = 2}: always use the best local address for the target as ARP source. */
  public static final int ARP_ANNOUNCE_BEST_LOCAL = 2;
  /** {@code rp_filter = 0}: no source validation. */
  public static final int RP_FILTER_OFF = 0;
  /** {@code rp_filter = 1}: strict reverse-path filtering (RFC 3704). */
  public static final int RP_FILTER_STRICT = 1;
  /** {@code rp_filter = 2}: loose reverse-path filtering. */
  public static final int RP_FILTER_LOOSE = 2;

  /** The IPVS knobs documented in {@code ipvs-sysctl.rst} (a running kernel may have fewer or more). */
  public static final List<String> KNOWN_VS_KNOBS = List.of(
      "am_droprate", "amemthresh", "backup_only", "cache_bypass", "conn_reuse_mode", "conntrack", "debug_level",
      "drop_entry", "drop_packet", "est_cpulist", "est_nice", "expire_nodest_conn", "expire_quiescent_template",
      "ignore_tunneled", "nat_icmp_send", "pmtu_disc", "run_estimation", "schedule_icmp", "secure_tcp",
      "sloppy_sctp", "sloppy_tcp", "snat_reroute", "sync_persist_mode", "sync_ports", "sync_qlen_max",
      "sync_refresh_period", "sync_retries", "sync_sock_size", "sync_threshold", "sync_version");

  /** {@code net/ipv4/conf/SCOPE/arp_ignore}, 0-8. */
  public static IntSysctl arpIgnore(ConfScope scope) {
    return ipv4Conf(scope, "arp_ignore", 0, 8);
  }

  /** {@code net/ipv4/conf/SCOPE/arp_announce}, 0-2. */
  public static IntSysctl arpAnnounce(ConfScope scope) {
    return ipv4Conf(scope, "arp_announce", 0, 2);
  }

  /** {@code net/ipv4/conf/SCOPE/send_redirects}, 0-1. */
  public static IntSysctl sendRedirects(ConfScope scope) {
    return ipv4Conf(scope, "send_redirects", 0, 1);
  }

  /** {@code net/ipv4/conf/SCOPE/rp_filter}, 0-2. */
  public static IntSysctl rpFilter(ConfScope scope) {
    return ipv4Conf(scope, "rp_filter", 0, 2);
  }

  /** {@code net/ipv4/conf/SCOPE/accept_local}, 0-1. */
  public static IntSysctl acceptLocal(ConfScope scope) {
    return ipv4Conf(scope, "accept_local", 0, 1);
  }

  /** {@code net/ipv4/conf/SCOPE/forwarding}, 0-1 (per-interface IPv4 forwarding). */
  public static IntSysctl ipv4Forwarding(ConfScope scope) {
    return ipv4Conf(scope, "forwarding", 0, 1);
  }

  /** {@code net/ipv6/conf/SCOPE/forwarding}, 0-1 (IPv6 forwarding; {@code all} switches every interface). */
  public static IntSysctl ipv6Forwarding(ConfScope scope) {
    Objects.requireNonNull(scope, "scope");
    return new IntSysctl(SysctlKey.of("net/ipv6/conf/" + scope.name() + "/forwarding"), 0, 1);
  }

  /**
   * An IPVS knob, {@code net/ipv4/vs/NAME}, taking any integer (the kernel checks the ranges it has; a few knobs such
   * as {@code est_cpulist} are not integers: use {@link Sysctl#get}/{@link Sysctl#set} for those).
   *
   * @throws io.github.ipvs4j.InvalidValueException if {@code name} is not a single path part
   */
  public static IntSysctl vs(String name) {
    Objects.requireNonNull(name, "name");
    if (name.indexOf('/') >= 0) {
      throw new io.github.ipvs4j.InvalidValueException("name", "'" + name + "'", "one sysctl name, no '/'");
    }
    return IntSysctl.of(VS.resolve(name));
  }

  private static IntSysctl ipv4Conf(ConfScope scope, String knob, int min, int max) {
    Objects.requireNonNull(scope, "scope");
    return new IntSysctl(SysctlKey.of("net/ipv4/conf/" + scope.name() + "/" + knob), min, max);
  }
}
