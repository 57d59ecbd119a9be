package io.github.ipvs4j.sysctl.internal.route;

/**
 * rtnetlink constants, each with its C name ({@code include/uapi/linux/rtnetlink.h}, {@code if_link.h},
 * {@code if_addr.h}, {@code if.h}, {@code socket.h}).
 *
 * <p>Belongs in {@code io.github.ipvs4j.netlink.route} (ipvs-netlink) and should move there.
 */
public final class Rtnl {
  private Rtnl() {}

  // ---- message types (enum in rtnetlink.h, RTM_BASE = 16) ----
  /** {@code RTM_NEWLINK 16}. */
  public static final int RTM_NEWLINK = 16;
  /** {@code RTM_DELLINK 17}. */
  public static final int RTM_DELLINK = 17;
  /** {@code RTM_GETLINK 18}. */
  public static final int RTM_GETLINK = 18;
  /** {@code RTM_SETLINK 19}. */
  public static final int RTM_SETLINK = 19;
  /** {@code RTM_NEWADDR 20}. */
  public static final int RTM_NEWADDR = 20;
  /** {@code RTM_DELADDR 21}. */
  public static final int RTM_DELADDR = 21;
  /** {@code RTM_GETADDR 22}. */
  public static final int RTM_GETADDR = 22;
  /** {@code RTM_NEWROUTE 24}. */
  public static final int RTM_NEWROUTE = 24;
  /** {@code RTM_DELROUTE 25}. */
  public static final int RTM_DELROUTE = 25;
  /** {@code RTM_GETROUTE 26}. */
  public static final int RTM_GETROUTE = 26;

  // ---- address families (socket.h) ----
  /** {@code AF_UNSPEC 0}. */
  public static final int AF_UNSPEC = 0;
  /** {@code AF_INET 2}. */
  public static final int AF_INET = 2;
  /** {@code AF_INET6 10}. */
  public static final int AF_INET6 = 10;

  // ---- struct ifinfomsg attributes (if_link.h) ----
  /** {@code sizeof(struct ifinfomsg)}: family u8, pad u8, type u16, index s32, flags u32, change u32. */
  public static final int IFINFOMSG_SIZE = 16;
  /** {@code IFLA_ADDRESS 1}. */
  public static final int IFLA_ADDRESS = 1;
  /** {@code IFLA_IFNAME 3}: NUL-terminated name. */
  public static final int IFLA_IFNAME = 3;
  /** {@code IFLA_MTU 4}. */
  public static final int IFLA_MTU = 4;
  /** {@code IFLA_LINKINFO 18}: nested {@code IFLA_INFO_*}. */
  public static final int IFLA_LINKINFO = 18;
  /** {@code IFLA_INFO_KIND 1}: the link type's name, e.g. "dummy", "ipip", "veth". */
  public static final int IFLA_INFO_KIND = 1;
  /** {@code IFLA_INFO_DATA 2}. */
  public static final int IFLA_INFO_DATA = 2;
  /** {@code IFF_UP 0x1} (if.h). */
  public static final int IFF_UP = 0x1;
  /** {@code IFF_LOOPBACK 0x8} (if.h). */
  public static final int IFF_LOOPBACK = 0x8;

  // ---- struct ifaddrmsg attributes (if_addr.h) ----
  /** {@code sizeof(struct ifaddrmsg)}: family u8, prefixlen u8, flags u8, scope u8, index u32. */
  public static final int IFADDRMSG_SIZE = 8;
  /** {@code IFA_ADDRESS 1}: the prefix address (the peer on point-to-point links). */
  public static final int IFA_ADDRESS = 1;
  /** {@code IFA_LOCAL 2}: the local address (IPv4). */
  public static final int IFA_LOCAL = 2;
  /** {@code IFA_LABEL 3}: the IPv4 label, e.g. "eth0:0". */
  public static final int IFA_LABEL = 3;
  /** {@code IFA_BROADCAST 4}. */
  public static final int IFA_BROADCAST = 4;
  /** {@code IFA_CACHEINFO 6}. */
  public static final int IFA_CACHEINFO = 6;
  /** {@code IFA_FLAGS 8}: u32 flags, superseding {@code ifa_flags}. */
  public static final int IFA_FLAGS = 8;
  /** {@code IFA_F_SECONDARY 0x01}. */
  public static final int IFA_F_SECONDARY = 0x01;
  /** {@code IFA_F_NODAD 0x02}: no duplicate address detection (IPv6). */
  public static final int IFA_F_NODAD = 0x02;
  /** {@code IFA_F_PERMANENT 0x80}. */
  public static final int IFA_F_PERMANENT = 0x80;

  // ---- struct rtmsg (rtnetlink.h) ----
  /** {@code sizeof(struct rtmsg)}: family, dst_len, src_len, tos, table, protocol, scope, type (u8 each), flags u32. */
  public static final int RTMSG_SIZE = 12;
  /** {@code RTA_DST 1}. */
  public static final int RTA_DST = 1;
  /** {@code RTA_OIF 4}. */
  public static final int RTA_OIF = 4;
  /** {@code RTA_TABLE 15}. */
  public static final int RTA_TABLE = 15;
  /** {@code RT_TABLE_MAIN 254}. */
  public static final int RT_TABLE_MAIN = 254;
  /** {@code RTPROT_BOOT 3}: what {@code ip route add} and {@code route add} use. */
  public static final int RTPROT_BOOT = 3;
  /** {@code RT_SCOPE_UNIVERSE 0}. */
  public static final int RT_SCOPE_UNIVERSE = 0;
  /** {@code RT_SCOPE_LINK 253}. */
  public static final int RT_SCOPE_LINK = 253;
  /** {@code RT_SCOPE_HOST 254}. */
  public static final int RT_SCOPE_HOST = 254;
  /** {@code RTN_UNICAST 1}. */
  public static final int RTN_UNICAST = 1;

  /** The C name of an {@code IFLA_*} type, for error messages. */
  public static String iflaName(int type) {
    return switch (type) {
      case IFLA_ADDRESS -> "IFLA_ADDRESS";
      case IFLA_IFNAME -> "IFLA_IFNAME";
      case IFLA_MTU -> "IFLA_MTU";
      case IFLA_LINKINFO -> "IFLA_LINKINFO";
      default -> null;
    };
  }

  /** The C name of an {@code IFA_*} type, for error messages. */
  public static String ifaName(int type) {
    return switch (type) {
      case IFA_ADDRESS -> "IFA_ADDRESS";
      case IFA_LOCAL -> "IFA_LOCAL";
      case IFA_LABEL -> "IFA_LABEL";
      case IFA_BROADCAST -> "IFA_BROADCAST";
      case IFA_CACHEINFO -> "IFA_CACHEINFO";
      case IFA_FLAGS -> "IFA_FLAGS";
      default -> null;
    };
  }
}
