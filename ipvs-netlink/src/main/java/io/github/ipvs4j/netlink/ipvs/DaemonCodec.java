package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DaemonAttr;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The attributes inside {@code IPVS_CMD_ATTR_DAEMON}. Stateless.
 *
 * <p>Wire rules: {@code MCAST_GROUP} is a {@code struct in_addr} (network bytes), {@code MCAST_GROUP6} a {@code struct
 * in6_addr}; {@code MCAST_PORT} is a host-order u16 (unlike the service and destination ports). The optional 4.3
 * attributes are sent only when set (0 or empty means the kernel's default).
 */
public final class DaemonCodec {
  private DaemonCodec() {}

  /** Writes a daemon for {@code IPVS_CMD_NEW_DAEMON}. */
  public static void encodeSpec(SyncDaemon s, AttributeEncoder e) {
    e.u32(DaemonAttr.STATE, s.state().code());
    e.string(DaemonAttr.MCAST_IFN, s.interfaceName());
    e.u32(DaemonAttr.SYNC_ID, s.syncId());
    if (s.maxLength() != 0) {
      e.u16(DaemonAttr.SYNC_MAXLEN, s.maxLength());
    }
    s.group()
        .ifPresent(
            g -> e.bytes(g.getAddress().length == 4 ? DaemonAttr.MCAST_GROUP : DaemonAttr.MCAST_GROUP6, g.getAddress()));
    if (s.port() != 0) {
      e.u16(DaemonAttr.MCAST_PORT, s.port());
    }
    if (s.ttl() != 0) {
      e.u8(DaemonAttr.MCAST_TTL, s.ttl());
    }
  }

  /** Writes what {@code IPVS_CMD_DEL_DAEMON} needs: the state. */
  public static void encodeStop(SyncState state, AttributeEncoder e) {
    e.u32(DaemonAttr.STATE, state.code());
  }

  /** Writes a daemon as a kernel's GET_DAEMON dump does ({@code ip_vs_genl_fill_daemon}): every attribute. */
  public static void encodeStatus(SyncDaemon s, AttributeEncoder e) {
    e.u32(DaemonAttr.STATE, s.state().code());
    e.string(DaemonAttr.MCAST_IFN, s.interfaceName());
    e.u32(DaemonAttr.SYNC_ID, s.syncId());
    e.u16(DaemonAttr.SYNC_MAXLEN, s.maxLength());
    e.u16(DaemonAttr.MCAST_PORT, s.port());
    e.u8(DaemonAttr.MCAST_TTL, s.ttl());
    s.group()
        .ifPresent(
            g -> e.bytes(g.getAddress().length == 4 ? DaemonAttr.MCAST_GROUP : DaemonAttr.MCAST_GROUP6, g.getAddress()));
  }

  /** Decodes a GET_DAEMON dump entry; on malformed bytes the error is recorded in {@code d} and null returned. */
  public static SyncDaemon decode(AttributeDecoder d) {
    int state = -1;
    String ifn = null;
    long syncId = 0;
    int maxLen = 0;
    InetAddress group = null;
    int port = 0;
    int ttl = 0;
    while (d.next()) {
      switch (d.type()) {
        case DaemonAttr.STATE -> state = d.u32();
        case DaemonAttr.MCAST_IFN -> ifn = d.string();
        case DaemonAttr.SYNC_ID -> syncId = Integer.toUnsignedLong(d.u32());
        case DaemonAttr.SYNC_MAXLEN -> maxLen = d.u16();
        case DaemonAttr.MCAST_GROUP -> group = address(d, AddressFamily.INET);
        case DaemonAttr.MCAST_GROUP6 -> group = address(d, AddressFamily.INET6);
        case DaemonAttr.MCAST_PORT -> port = d.u16();
        case DaemonAttr.MCAST_TTL -> ttl = d.u8();
        default -> { } // unknown: skipped
      }
    }
    if (!d.ok()) {
      return null;
    }
    if (state < 0 || ifn == null) {
      d.fail("a sync daemon needs IPVS_DAEMON_ATTR_STATE and MCAST_IFN");
      return null;
    }
    try {
      return new SyncDaemon(
          SyncState.fromCode(state), ifn, (int) Math.min(syncId, Integer.MAX_VALUE), maxLen, Optional.ofNullable(group),
          port, ttl);
    } catch (InvalidValueException e) {
      d.fail(e.getMessage());
      return null;
    }
  }

  private static InetAddress address(AttributeDecoder d, AddressFamily family) {
    if (d.length() != family.addressLength()) {
      d.fail("not a " + family + " address; length " + d.length());
      return null;
    }
    return Addresses.fromInetAddr(d.bytes(), family);
  }
}
