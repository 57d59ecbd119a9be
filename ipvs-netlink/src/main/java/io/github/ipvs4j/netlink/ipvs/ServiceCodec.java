package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NativeOrder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.StatsAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.SvcAttr;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;

/**
 * The attributes inside {@code IPVS_CMD_ATTR_SERVICE}: a service's identity ({@link #encodeKey}), its whole
 * specification for NEW/SET_SERVICE ({@link #encodeSpec}), and what a GET_SERVICE reply carries ({@link #decode};
 * {@link #encodeStatus} writes the same shape, for tests and fakes). Stateless.
 *
 * <p>Wire rules: {@code ADDR} is the 16-byte {@code union nf_inet_addr}; {@code PORT} is big-endian; {@code FLAGS} is
 * {@code {flags, mask}} with mask {@code ~0} (a full replacement, as ipvsadm sends it; the kernel adds {@code HASHED});
 * {@code NETMASK} is the big-endian mask for IPv4 and the host-order prefix length for IPv6. NEW and SET always carry
 * {@code SCHED_NAME}, {@code FLAGS}, {@code TIMEOUT} and {@code NETMASK}, which the kernel requires.
 */
public final class ServiceCodec {
  private ServiceCodec() {}

  /** Writes what identifies {@code key}: {@code AF} then {@code FWMARK}, or {@code PROTOCOL}, {@code ADDR}, {@code PORT}. */
  public static void encodeKey(ServiceKey key, AttributeEncoder e) {
    e.u16(SvcAttr.AF, key.family().code());
    if (key instanceof ServiceKey.FwMark f) {
      e.u32(SvcAttr.FWMARK, (int) f.mark());
    } else {
      ServiceKey.Inet i = (ServiceKey.Inet) key;
      e.u16(SvcAttr.PROTOCOL, i.protocol().number());
      Addresses.encode(SvcAttr.ADDR, i.address(), e);
      e.be16(SvcAttr.PORT, i.port());
    }
  }

  /** Writes the whole specification, for {@code IPVS_CMD_NEW_SERVICE} and {@code IPVS_CMD_SET_SERVICE}. */
  public static void encodeSpec(VirtualService s, AttributeEncoder e) {
    encodeKey(s.key(), e);
    e.string(SvcAttr.SCHED_NAME, s.scheduler().name());
    s.persistenceEngine().ifPresent(pe -> e.string(SvcAttr.PE_NAME, pe));
    encodeFlags(s.flagBits(), e);
    e.u32(SvcAttr.TIMEOUT, (int) s.timeoutSeconds());
    encodeNetmask(s.family(), s.netmaskValue(), e);
  }

  /**
   * Writes a service as a kernel's GET_SERVICE reply does ({@code ip_vs_genl_fill_service}): the key, scheduler,
   * persistence engine, flags with {@code HASHED} and mask {@code ~0}, timeout, netmask, STATS and STATS64.
   */
  public static void encodeStatus(ServiceStatus status, AttributeEncoder e) {
    VirtualService s = status.spec();
    encodeKey(s.key(), e);
    e.string(SvcAttr.SCHED_NAME, s.scheduler().name());
    s.persistenceEngine().ifPresent(pe -> e.string(SvcAttr.PE_NAME, pe));
    encodeFlags(s.flagBits() | IpvsUapi.SVC_F_HASHED, e);
    e.u32(SvcAttr.TIMEOUT, (int) s.timeoutSeconds());
    encodeNetmask(s.family(), s.netmaskValue(), e);
    e.nested(SvcAttr.STATS, n -> StatsCodec.encode(status.stats(), false, n));
    e.nested(SvcAttr.STATS64, n -> StatsCodec.encode(status.stats(), true, n));
  }

  /** IPv4: the mask as a {@code __be32}; IPv6: the prefix length as a host-order u32. */
  static void encodeNetmask(AddressFamily family, int value, AttributeEncoder e) {
    if (family == AddressFamily.INET) {
      e.be32(SvcAttr.NETMASK, value);
    } else {
      e.u32(SvcAttr.NETMASK, value);
    }
  }

  /**
   * {@code FLAGS}: {@code struct ip_vs_flags {u32 flags; u32 mask}} in host order, with mask {@code ~0} (the flags
   * replace the service's, as ipvsadm sends them).
   */
  static void encodeFlags(int flags, AttributeEncoder e) {
    int start = e.begin(SvcAttr.FLAGS);
    NativeOrder.writeInts(e.buffer(), flags, -1);
    e.end(start);
  }

  /**
   * Decodes the attributes of an {@code IPVS_CMD_ATTR_SERVICE} nest as a GET_SERVICE reply carries them. Prefers
   * {@code STATS64} over {@code STATS}. On malformed bytes, the error is recorded in {@code d} (see {@link
   * AttributeDecoder#finish()}) and null is returned.
   */
  public static ServiceStatus decode(AttributeDecoder d) {
    return decode(d, true, ServiceStatus::new);
  }

  /**
   * {@link #decode} without the counters: the specification only, for reads that would drop them (a snapshot). The
   * statistics nests are stepped over, not decoded.
   */
  public static VirtualService decodeSpec(AttributeDecoder d) {
    return decode(d, false, (spec, none) -> spec);
  }

  private static <T> T decode(AttributeDecoder d, boolean withStats, BiFunction<VirtualService, Stats, T> result) {
    int af = -1;
    int protocol = -1;
    byte[] addr = null;
    int port = -1;
    long fwmark = -1;
    String sched = null;
    String pe = null;
    int flags = 0;
    long timeout = 0;
    int netmask = 0;
    boolean hasNetmask = false;
    AttributeDecoder stats = null;
    AttributeDecoder stats64 = null;
    while (d.next()) {
      switch (d.type()) {
        case SvcAttr.AF -> af = d.u16();
        case SvcAttr.PROTOCOL -> protocol = d.u16();
        case SvcAttr.ADDR -> addr = d.bytes();
        case SvcAttr.PORT -> port = d.be16();
        case SvcAttr.FWMARK -> fwmark = Integer.toUnsignedLong(d.u32());
        case SvcAttr.SCHED_NAME -> sched = d.string();
        case SvcAttr.FLAGS -> {
          if (d.length() < 4) {
            d.fail("IPVS_SVC_ATTR_FLAGS is not a struct ip_vs_flags; length " + d.length());
          } else {
            flags = ByteBuffer.wrap(d.bytes()).order(NativeOrder.order()).getInt(0);
          }
        }
        case SvcAttr.TIMEOUT -> timeout = Integer.toUnsignedLong(d.u32());
        case SvcAttr.NETMASK -> {
          netmask = d.u32(); // raw 4 bytes read in host order; see below
          hasNetmask = true;
        }
        case SvcAttr.STATS -> stats = withStats ? d.nestedDecoder(StatsAttr::name) : null;
        case SvcAttr.STATS64 -> stats64 = withStats ? d.nestedDecoder(StatsAttr::name) : null;
        case SvcAttr.PE_NAME -> pe = d.string();
        default -> { } // unknown: skipped
      }
    }
    Stats counters = withStats ? StatsCodec.decodePreferred(stats64, stats) : null;
    if (!d.ok()) {
      return null;
    }
    try {
      if (af < 0) {
        d.fail("no IPVS_SVC_ATTR_AF");
        return null;
      }
      AddressFamily family = AddressFamily.fromCode(af);
      ServiceKey key;
      if (fwmark > 0) {
        key = new ServiceKey.FwMark(fwmark, family);
      } else {
        if (protocol < 0 || addr == null || port < 0) {
          d.fail("neither IPVS_SVC_ATTR_FWMARK nor all of PROTOCOL, ADDR and PORT");
          return null;
        }
        var address = Addresses.fromInetAddr(addr, family);
        if (address == null) {
          d.fail("IPVS_SVC_ATTR_ADDR has " + addr.length + " bytes, too few for " + family);
          return null;
        }
        key = new ServiceKey.Inet(Protocol.of(protocol), address, port);
      }
      int mask = hasNetmask ? (family == AddressFamily.INET ? toBigEndian(netmask) : netmask) : hostMask(family);
      return result.apply(VirtualService.fromKernel(key, sched, flags, timeout, mask, pe), counters);
    } catch (InvalidValueException e) {
      d.fail(e.getMessage());
      return null;
    }
  }

  private static int hostMask(AddressFamily family) {
    return family == AddressFamily.INET ? -1 : 128;
  }

  /** The value of 4 raw bytes read in host order, as if read big-endian (the IPv4 mask is a {@code __be32}). */
  private static int toBigEndian(int hostOrderValue) {
    return NativeOrder.LITTLE_ENDIAN ? Integer.reverseBytes(hostOrderValue) : hostOrderValue;
  }
}
