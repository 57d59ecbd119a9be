package io.github.ipvs4j.netlink.ipvs;

/**
 * The kernel's IPVS generic-netlink constants, mirrored from {@code include/uapi/linux/ip_vs.h} in the header's order,
 * with the C name beside each. One nested class per C enum.
 *
 * <p>Not API: this package is not exported.
 */
public final class IpvsUapi {
  private IpvsUapi() {}

  /** {@code IPVS_GENL_NAME "IPVS"}. */
  public static final String GENL_NAME = "IPVS";
  /** {@code IPVS_GENL_VERSION 0x1}. */
  public static final int GENL_VERSION = 0x1;

  /** {@code IP_VS_SVC_F_PERSISTENT 0x0001}: persistent port. */
  public static final int SVC_F_PERSISTENT = 0x0001;
  /** {@code IP_VS_SVC_F_HASHED 0x0002}: hashed entry (kernel-internal). */
  public static final int SVC_F_HASHED = 0x0002;
  /** {@code IP_VS_SVC_F_ONEPACKET 0x0004}: one-packet scheduling. */
  public static final int SVC_F_ONEPACKET = 0x0004;
  /** {@code IP_VS_SVC_F_SCHED1 | SCHED2 | SCHED3} = 0x38. */
  public static final int SVC_F_SCHED_MASK = 0x0038;
  /** {@code IP_VS_CONN_F_FWD_MASK 0x0007}. */
  public static final int CONN_F_FWD_MASK = 0x0007;
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_IPIP 0}. */
  public static final int TUNNEL_TYPE_IPIP = 0;
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_GUE 1}. */
  public static final int TUNNEL_TYPE_GUE = 1;
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_GRE 2}. */
  public static final int TUNNEL_TYPE_GRE = 2;
  /** {@code IP_VS_STATE_MASTER 0x0001}. */
  public static final int STATE_MASTER = 1;
  /** {@code IP_VS_STATE_BACKUP 0x0002}. */
  public static final int STATE_BACKUP = 2;
  /** {@code union nf_inet_addr}: the size of every IPVS address attribute the kernel sends. */
  public static final int INET_ADDR_SIZE = 16;

  /** {@code enum IPVS_CMD_*}: the generic-netlink commands. */
  public static final class Cmd {
    private Cmd() {}

    /** {@code IPVS_CMD_UNSPEC}. */
    public static final int UNSPEC = 0;
    /** {@code IPVS_CMD_NEW_SERVICE}: add service. */
    public static final int NEW_SERVICE = 1;
    /** {@code IPVS_CMD_SET_SERVICE}: modify service. */
    public static final int SET_SERVICE = 2;
    /** {@code IPVS_CMD_DEL_SERVICE}: delete service. */
    public static final int DEL_SERVICE = 3;
    /** {@code IPVS_CMD_GET_SERVICE}: get service info (doit or dump). */
    public static final int GET_SERVICE = 4;
    /** {@code IPVS_CMD_NEW_DEST}: add destination. */
    public static final int NEW_DEST = 5;
    /** {@code IPVS_CMD_SET_DEST}: modify destination. */
    public static final int SET_DEST = 6;
    /** {@code IPVS_CMD_DEL_DEST}: delete destination. */
    public static final int DEL_DEST = 7;
    /** {@code IPVS_CMD_GET_DEST}: get destination info (dump only). */
    public static final int GET_DEST = 8;
    /** {@code IPVS_CMD_NEW_DAEMON}: start sync daemon. */
    public static final int NEW_DAEMON = 9;
    /** {@code IPVS_CMD_DEL_DAEMON}: stop sync daemon. */
    public static final int DEL_DAEMON = 10;
    /** {@code IPVS_CMD_GET_DAEMON}: get sync daemon status (dump only). */
    public static final int GET_DAEMON = 11;
    /** {@code IPVS_CMD_SET_CONFIG}: set config settings (also the reply command of GET_CONFIG). */
    public static final int SET_CONFIG = 12;
    /** {@code IPVS_CMD_GET_CONFIG}: get config settings. */
    public static final int GET_CONFIG = 13;
    /** {@code IPVS_CMD_SET_INFO}: only the reply command of GET_INFO. */
    public static final int SET_INFO = 14;
    /** {@code IPVS_CMD_GET_INFO}: get general IPVS info. */
    public static final int GET_INFO = 15;
    /** {@code IPVS_CMD_ZERO}: zero all counters and stats. */
    public static final int ZERO = 16;
    /** {@code IPVS_CMD_FLUSH}: flush services and dests. */
    public static final int FLUSH = 17;

    private static final String[] NAMES = {
      "IPVS_CMD_UNSPEC", "IPVS_CMD_NEW_SERVICE", "IPVS_CMD_SET_SERVICE", "IPVS_CMD_DEL_SERVICE",
      "IPVS_CMD_GET_SERVICE", "IPVS_CMD_NEW_DEST", "IPVS_CMD_SET_DEST", "IPVS_CMD_DEL_DEST", "IPVS_CMD_GET_DEST",
      "IPVS_CMD_NEW_DAEMON", "IPVS_CMD_DEL_DAEMON", "IPVS_CMD_GET_DAEMON", "IPVS_CMD_SET_CONFIG",
      "IPVS_CMD_GET_CONFIG", "IPVS_CMD_SET_INFO", "IPVS_CMD_GET_INFO", "IPVS_CMD_ZERO", "IPVS_CMD_FLUSH"
    };

    /** The C name of command {@code cmd}, or {@code "IPVS command <n>"}. */
    public static String name(int cmd) {
      return cmd >= 0 && cmd < NAMES.length ? NAMES[cmd] : "IPVS command " + cmd;
    }
  }

  /** {@code enum IPVS_CMD_ATTR_*}: attributes at the top level of a command. */
  public static final class CmdAttr {
    private CmdAttr() {}

    /** {@code IPVS_CMD_ATTR_SERVICE}: nested service attribute. */
    public static final int SERVICE = 1;
    /** {@code IPVS_CMD_ATTR_DEST}: nested destination attribute. */
    public static final int DEST = 2;
    /** {@code IPVS_CMD_ATTR_DAEMON}: nested sync daemon attribute. */
    public static final int DAEMON = 3;
    /** {@code IPVS_CMD_ATTR_TIMEOUT_TCP}: TCP connection timeout, u32 seconds. */
    public static final int TIMEOUT_TCP = 4;
    /** {@code IPVS_CMD_ATTR_TIMEOUT_TCP_FIN}: TCP FIN wait timeout, u32 seconds. */
    public static final int TIMEOUT_TCP_FIN = 5;
    /** {@code IPVS_CMD_ATTR_TIMEOUT_UDP}: UDP timeout, u32 seconds. */
    public static final int TIMEOUT_UDP = 6;

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return switch (type) {
        case SERVICE -> "IPVS_CMD_ATTR_SERVICE";
        case DEST -> "IPVS_CMD_ATTR_DEST";
        case DAEMON -> "IPVS_CMD_ATTR_DAEMON";
        case TIMEOUT_TCP -> "IPVS_CMD_ATTR_TIMEOUT_TCP";
        case TIMEOUT_TCP_FIN -> "IPVS_CMD_ATTR_TIMEOUT_TCP_FIN";
        case TIMEOUT_UDP -> "IPVS_CMD_ATTR_TIMEOUT_UDP";
        default -> null;
      };
    }
  }

  /** {@code enum IPVS_SVC_ATTR_*}: attributes inside {@code IPVS_CMD_ATTR_SERVICE}. */
  public static final class SvcAttr {
    private SvcAttr() {}

    /** {@code IPVS_SVC_ATTR_AF}: u16 address family. */
    public static final int AF = 1;
    /** {@code IPVS_SVC_ATTR_PROTOCOL}: u16 virtual service protocol. */
    public static final int PROTOCOL = 2;
    /** {@code IPVS_SVC_ATTR_ADDR}: virtual service address, {@code union nf_inet_addr}. */
    public static final int ADDR = 3;
    /** {@code IPVS_SVC_ATTR_PORT}: virtual service port, {@code __be16}. */
    public static final int PORT = 4;
    /** {@code IPVS_SVC_ATTR_FWMARK}: u32 firewall mark of the service. */
    public static final int FWMARK = 5;
    /** {@code IPVS_SVC_ATTR_SCHED_NAME}: name of the scheduler, NUL-terminated. */
    public static final int SCHED_NAME = 6;
    /** {@code IPVS_SVC_ATTR_FLAGS}: {@code struct ip_vs_flags {u32 flags; u32 mask}}, host order. */
    public static final int FLAGS = 7;
    /** {@code IPVS_SVC_ATTR_TIMEOUT}: u32 persistent timeout, seconds. */
    public static final int TIMEOUT = 8;
    /** {@code IPVS_SVC_ATTR_NETMASK}: persistent netmask; IPv4 {@code __be32} mask, IPv6 plain prefix length. */
    public static final int NETMASK = 9;
    /** {@code IPVS_SVC_ATTR_STATS}: nested attribute for service stats (32-bit counters, 64-bit bytes). */
    public static final int STATS = 10;
    /** {@code IPVS_SVC_ATTR_PE_NAME}: name of the persistence engine, NUL-terminated. */
    public static final int PE_NAME = 11;
    /** {@code IPVS_SVC_ATTR_STATS64}: nested attribute for service stats, all u64 (Linux 4.1). */
    public static final int STATS64 = 12;

    private static final String[] NAMES = {
      null, "IPVS_SVC_ATTR_AF", "IPVS_SVC_ATTR_PROTOCOL", "IPVS_SVC_ATTR_ADDR", "IPVS_SVC_ATTR_PORT",
      "IPVS_SVC_ATTR_FWMARK", "IPVS_SVC_ATTR_SCHED_NAME", "IPVS_SVC_ATTR_FLAGS", "IPVS_SVC_ATTR_TIMEOUT",
      "IPVS_SVC_ATTR_NETMASK", "IPVS_SVC_ATTR_STATS", "IPVS_SVC_ATTR_PE_NAME", "IPVS_SVC_ATTR_STATS64"
    };

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }
  }

  /** {@code enum IPVS_DEST_ATTR_*}: attributes inside {@code IPVS_CMD_ATTR_DEST}. */
  public static final class DestAttr {
    private DestAttr() {}

    /** {@code IPVS_DEST_ATTR_ADDR}: real server address, {@code union nf_inet_addr}. */
    public static final int ADDR = 1;
    /** {@code IPVS_DEST_ATTR_PORT}: real server port, {@code __be16}. */
    public static final int PORT = 2;
    /** {@code IPVS_DEST_ATTR_FWD_METHOD}: u32 forwarding method ({@code conn_flags & IP_VS_CONN_F_FWD_MASK}). */
    public static final int FWD_METHOD = 3;
    /** {@code IPVS_DEST_ATTR_WEIGHT}: u32 destination weight. */
    public static final int WEIGHT = 4;
    /** {@code IPVS_DEST_ATTR_U_THRESH}: u32 upper connection threshold. */
    public static final int U_THRESH = 5;
    /** {@code IPVS_DEST_ATTR_L_THRESH}: u32 lower connection threshold. */
    public static final int L_THRESH = 6;
    /** {@code IPVS_DEST_ATTR_ACTIVE_CONNS}: u32 active connections. */
    public static final int ACTIVE_CONNS = 7;
    /** {@code IPVS_DEST_ATTR_INACT_CONNS}: u32 inactive connections. */
    public static final int INACT_CONNS = 8;
    /** {@code IPVS_DEST_ATTR_PERSIST_CONNS}: u32 persistent connections. */
    public static final int PERSIST_CONNS = 9;
    /** {@code IPVS_DEST_ATTR_STATS}: nested attribute for destination stats. */
    public static final int STATS = 10;
    /** {@code IPVS_DEST_ATTR_ADDR_FAMILY}: u16 address family of the address (Linux 3.18). */
    public static final int ADDR_FAMILY = 11;
    /** {@code IPVS_DEST_ATTR_STATS64}: nested attribute for destination stats, all u64 (Linux 4.1). */
    public static final int STATS64 = 12;
    /** {@code IPVS_DEST_ATTR_TUN_TYPE}: u8 tunnel type (Linux 5.2). */
    public static final int TUN_TYPE = 13;
    /** {@code IPVS_DEST_ATTR_TUN_PORT}: tunnel port, {@code __be16} (Linux 5.2). */
    public static final int TUN_PORT = 14;
    /** {@code IPVS_DEST_ATTR_TUN_FLAGS}: u16 tunnel flags (Linux 5.3). */
    public static final int TUN_FLAGS = 15;

    private static final String[] NAMES = {
      null, "IPVS_DEST_ATTR_ADDR", "IPVS_DEST_ATTR_PORT", "IPVS_DEST_ATTR_FWD_METHOD", "IPVS_DEST_ATTR_WEIGHT",
      "IPVS_DEST_ATTR_U_THRESH", "IPVS_DEST_ATTR_L_THRESH", "IPVS_DEST_ATTR_ACTIVE_CONNS",
      "IPVS_DEST_ATTR_INACT_CONNS", "IPVS_DEST_ATTR_PERSIST_CONNS", "IPVS_DEST_ATTR_STATS",
      "IPVS_DEST_ATTR_ADDR_FAMILY", "IPVS_DEST_ATTR_STATS64", "IPVS_DEST_ATTR_TUN_TYPE", "IPVS_DEST_ATTR_TUN_PORT",
      "IPVS_DEST_ATTR_TUN_FLAGS"
    };

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }
  }

  /** {@code enum IPVS_DAEMON_ATTR_*}: attributes inside {@code IPVS_CMD_ATTR_DAEMON}. */
  public static final class DaemonAttr {
    private DaemonAttr() {}

    /** {@code IPVS_DAEMON_ATTR_STATE}: u32 sync daemon state (master/backup). */
    public static final int STATE = 1;
    /** {@code IPVS_DAEMON_ATTR_MCAST_IFN}: multicast interface name, NUL-terminated. */
    public static final int MCAST_IFN = 2;
    /** {@code IPVS_DAEMON_ATTR_SYNC_ID}: u32 SyncID we belong to. */
    public static final int SYNC_ID = 3;
    /** {@code IPVS_DAEMON_ATTR_SYNC_MAXLEN}: u16 UDP payload size (Linux 4.3). */
    public static final int SYNC_MAXLEN = 4;
    /** {@code IPVS_DAEMON_ATTR_MCAST_GROUP}: IPv4 multicast group, {@code struct in_addr} (Linux 4.3). */
    public static final int MCAST_GROUP = 5;
    /** {@code IPVS_DAEMON_ATTR_MCAST_GROUP6}: IPv6 multicast group, {@code struct in6_addr} (Linux 4.3). */
    public static final int MCAST_GROUP6 = 6;
    /** {@code IPVS_DAEMON_ATTR_MCAST_PORT}: u16 multicast port, host order (Linux 4.3). */
    public static final int MCAST_PORT = 7;
    /** {@code IPVS_DAEMON_ATTR_MCAST_TTL}: u8 multicast TTL (Linux 4.3). */
    public static final int MCAST_TTL = 8;

    private static final String[] NAMES = {
      null, "IPVS_DAEMON_ATTR_STATE", "IPVS_DAEMON_ATTR_MCAST_IFN", "IPVS_DAEMON_ATTR_SYNC_ID",
      "IPVS_DAEMON_ATTR_SYNC_MAXLEN", "IPVS_DAEMON_ATTR_MCAST_GROUP", "IPVS_DAEMON_ATTR_MCAST_GROUP6",
      "IPVS_DAEMON_ATTR_MCAST_PORT", "IPVS_DAEMON_ATTR_MCAST_TTL"
    };

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }
  }

  /** {@code enum IPVS_STATS_ATTR_*}: attributes inside the {@code STATS} and {@code STATS64} nests. */
  public static final class StatsAttr {
    private StatsAttr() {}

    /** {@code IPVS_STATS_ATTR_CONNS}: connections scheduled (u32 in STATS, u64 in STATS64). */
    public static final int CONNS = 1;
    /** {@code IPVS_STATS_ATTR_INPKTS}: incoming packets. */
    public static final int INPKTS = 2;
    /** {@code IPVS_STATS_ATTR_OUTPKTS}: outgoing packets. */
    public static final int OUTPKTS = 3;
    /** {@code IPVS_STATS_ATTR_INBYTES}: incoming bytes (u64 in both). */
    public static final int INBYTES = 4;
    /** {@code IPVS_STATS_ATTR_OUTBYTES}: outgoing bytes (u64 in both). */
    public static final int OUTBYTES = 5;
    /** {@code IPVS_STATS_ATTR_CPS}: current connection rate. */
    public static final int CPS = 6;
    /** {@code IPVS_STATS_ATTR_INPPS}: current in packet rate. */
    public static final int INPPS = 7;
    /** {@code IPVS_STATS_ATTR_OUTPPS}: current out packet rate. */
    public static final int OUTPPS = 8;
    /** {@code IPVS_STATS_ATTR_INBPS}: current in byte rate. */
    public static final int INBPS = 9;
    /** {@code IPVS_STATS_ATTR_OUTBPS}: current out byte rate. */
    public static final int OUTBPS = 10;
    /** {@code IPVS_STATS_ATTR_PAD}: alignment padding of {@code nla_put_u64_64bit}. */
    public static final int PAD = 11;

    private static final String[] NAMES = {
      null, "IPVS_STATS_ATTR_CONNS", "IPVS_STATS_ATTR_INPKTS", "IPVS_STATS_ATTR_OUTPKTS", "IPVS_STATS_ATTR_INBYTES",
      "IPVS_STATS_ATTR_OUTBYTES", "IPVS_STATS_ATTR_CPS", "IPVS_STATS_ATTR_INPPS", "IPVS_STATS_ATTR_OUTPPS",
      "IPVS_STATS_ATTR_INBPS", "IPVS_STATS_ATTR_OUTBPS", "IPVS_STATS_ATTR_PAD"
    };

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }
  }

  /** {@code enum IPVS_INFO_ATTR_*}: attributes at the top level of a GET_INFO reply. */
  public static final class InfoAttr {
    private InfoAttr() {}

    /** {@code IPVS_INFO_ATTR_VERSION}: u32 IPVS version number. */
    public static final int VERSION = 1;
    /** {@code IPVS_INFO_ATTR_CONN_TAB_SIZE}: u32 size of the connection hash table. */
    public static final int CONN_TAB_SIZE = 2;

    /** The C name of {@code type}, or null. */
    public static String name(int type) {
      return switch (type) {
        case VERSION -> "IPVS_INFO_ATTR_VERSION";
        case CONN_TAB_SIZE -> "IPVS_INFO_ATTR_CONN_TAB_SIZE";
        default -> null;
      };
    }
  }
}
