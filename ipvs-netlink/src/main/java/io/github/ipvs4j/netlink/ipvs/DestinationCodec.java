package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DestAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.StatsAttr;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The attributes inside {@code IPVS_CMD_ATTR_DEST}: a destination's whole specification for NEW/SET_DEST ({@link
 * #encodeSpec}), its identity for DEL_DEST ({@link #encodeId}), and what a GET_DEST dump carries ({@link #decode};
 * {@link #encodeStatus} writes the same shape, for tests and fakes). Stateless.
 *
 * <p>Wire rules: {@code ADDR} is the 16-byte {@code union nf_inet_addr}; {@code PORT} and {@code TUN_PORT} are
 * big-endian; {@code ADDR_FAMILY} is always sent (Linux 3.18 reads it; older kernels ignore it). The kernel resets
 * {@code TUN_*} to 0 when they are absent, so a SET always carries the destination's tunnel, or none for IPIP.
 */
public final class DestinationCodec {
  private DestinationCodec() {}

  /** Writes {@code ADDR}, {@code PORT} and {@code ADDR_FAMILY}: what DEL_DEST needs. */
  public static void encodeId(InetAddress address, int port, AttributeEncoder e) {
    Addresses.encode(DestAttr.ADDR, address, e);
    e.be16(DestAttr.PORT, port);
    e.u16(DestAttr.ADDR_FAMILY, address instanceof Inet4Address ? AddressFamily.INET.code() : AddressFamily.INET6.code());
  }

  /** Writes the whole specification, for {@code IPVS_CMD_NEW_DEST} and {@code IPVS_CMD_SET_DEST}. */
  public static void encodeSpec(Destination d, AttributeEncoder e) {
    encodeId(d.address(), d.port(), e);
    e.u32(DestAttr.FWD_METHOD, d.forwarding().code());
    e.u32(DestAttr.WEIGHT, d.weight());
    e.u32(DestAttr.U_THRESH, (int) d.upperThreshold());
    e.u32(DestAttr.L_THRESH, (int) d.lowerThreshold());
    if (d.tunnel().isPresent() && !d.tunnel().get().equals(Tunnel.IPIP)) {
      Tunnel t = d.tunnel().get();
      e.u8(DestAttr.TUN_TYPE, t.type().code());
      e.be16(DestAttr.TUN_PORT, t.port());
      e.u16(DestAttr.TUN_FLAGS, t.checksum().bits());
    }
  }

  /** Writes a destination as a kernel's GET_DEST dump does ({@code ip_vs_genl_fill_dest}). */
  public static void encodeStatus(DestinationStatus status, AttributeEncoder e) {
    Destination d = status.spec();
    Addresses.encode(DestAttr.ADDR, d.address(), e);
    e.be16(DestAttr.PORT, d.port());
    e.u32(DestAttr.FWD_METHOD, d.forwarding().code());
    e.u32(DestAttr.WEIGHT, d.weight());
    Tunnel t = d.tunnel().orElse(Tunnel.IPIP);
    e.u8(DestAttr.TUN_TYPE, t.type().code());
    e.be16(DestAttr.TUN_PORT, t.port());
    e.u16(DestAttr.TUN_FLAGS, t.checksum().bits());
    e.u32(DestAttr.U_THRESH, (int) d.upperThreshold());
    e.u32(DestAttr.L_THRESH, (int) d.lowerThreshold());
    e.u32(DestAttr.ACTIVE_CONNS, (int) status.activeConnections());
    e.u32(DestAttr.INACT_CONNS, (int) status.inactiveConnections());
    e.u32(DestAttr.PERSIST_CONNS, (int) status.persistentConnections());
    e.u16(DestAttr.ADDR_FAMILY, d.family().code());
    e.nested(DestAttr.STATS, n -> StatsCodec.encode(status.stats(), false, n));
    e.nested(DestAttr.STATS64, n -> StatsCodec.encode(status.stats(), true, n));
  }

  /**
   * Decodes the attributes of an {@code IPVS_CMD_ATTR_DEST} nest as a GET_DEST dump carries them; {@code
   * serviceFamily} is the address family when {@code ADDR_FAMILY} is absent (kernels before 3.18). Unknown forwarding
   * codes are kept ({@link io.github.ipvs4j.ForwardingMethod#UNASSIGNED_5}...); tunnel attributes count only for TUNNEL forwarding. On
   * malformed bytes, the error is recorded in {@code d} and null is returned.
   */
  public static DestinationStatus decode(AttributeDecoder d, AddressFamily serviceFamily) {
    return decode(d, serviceFamily, true, DestinationStatus::new);
  }

  /**
   * {@link #decode} without the counters: the specification only, for reads that would drop them (a snapshot). The
   * statistics nests are stepped over, not decoded.
   */
  public static Destination decodeSpec(AttributeDecoder d, AddressFamily serviceFamily) {
    return decode(d, serviceFamily, false, (spec, active, inactive, persistent, none) -> spec);
  }

  /** What a decoded destination becomes: its status, or its specification alone. */
  @FunctionalInterface
  private interface Result<T> {
    T of(Destination spec, long active, long inactive, long persistent, Stats counters);
  }

  private static <T> T decode(AttributeDecoder d, AddressFamily serviceFamily, boolean withStats, Result<T> result) {
    byte[] addr = null;
    int port = -1;
    int fwd = -1;
    long weight = -1;
    long upper = 0;
    long lower = 0;
    long active = 0;
    long inactive = 0;
    long persistent = 0;
    int af = -1;
    int tunType = 0;
    int tunPort = 0;
    int tunFlags = 0;
    AttributeDecoder stats = null;
    AttributeDecoder stats64 = null;
    while (d.next()) {
      switch (d.type()) {
        case DestAttr.ADDR -> addr = d.bytes();
        case DestAttr.PORT -> port = d.be16();
        case DestAttr.FWD_METHOD -> fwd = d.u32() & IpvsUapi.CONN_F_FWD_MASK;
        case DestAttr.WEIGHT -> weight = Integer.toUnsignedLong(d.u32());
        case DestAttr.U_THRESH -> upper = Integer.toUnsignedLong(d.u32());
        case DestAttr.L_THRESH -> lower = Integer.toUnsignedLong(d.u32());
        case DestAttr.ACTIVE_CONNS -> active = Integer.toUnsignedLong(d.u32());
        case DestAttr.INACT_CONNS -> inactive = Integer.toUnsignedLong(d.u32());
        case DestAttr.PERSIST_CONNS -> persistent = Integer.toUnsignedLong(d.u32());
        case DestAttr.STATS -> stats = withStats ? d.nestedDecoder(StatsAttr::name) : null;
        case DestAttr.ADDR_FAMILY -> af = d.u16();
        case DestAttr.STATS64 -> stats64 = withStats ? d.nestedDecoder(StatsAttr::name) : null;
        case DestAttr.TUN_TYPE -> tunType = d.u8();
        case DestAttr.TUN_PORT -> tunPort = d.be16();
        case DestAttr.TUN_FLAGS -> tunFlags = d.u16();
        default -> { } // unknown: skipped
      }
    }
    Stats counters = withStats ? StatsCodec.decodePreferred(stats64, stats) : null;
    if (!d.ok()) {
      return null;
    }
    try {
      if (addr == null || port < 0 || fwd < 0 || weight < 0) {
        d.fail("a destination needs IPVS_DEST_ATTR_ADDR, PORT, FWD_METHOD and WEIGHT");
        return null;
      }
      AddressFamily family = af < 0 ? serviceFamily : AddressFamily.fromCode(af);
      InetAddress address = Addresses.fromInetAddr(addr, family);
      if (address == null) {
        d.fail("IPVS_DEST_ATTR_ADDR has " + addr.length + " bytes, too few for " + family);
        return null;
      }
      if (weight > Integer.MAX_VALUE) {
        d.fail("IPVS_DEST_ATTR_WEIGHT " + weight + " is negative as the kernel's int");
        return null;
      }
      Destination spec =
          Destination.fromKernel(address, port, fwd, weight, upper, lower, tunType, tunPort, tunFlags);
      return result.of(spec, active, inactive, persistent, counters);
    } catch (InvalidValueException e) {
      d.fail(e.getMessage());
      return null;
    }
  }
}
