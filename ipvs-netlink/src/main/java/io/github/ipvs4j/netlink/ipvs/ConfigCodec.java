package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;

/**
 * The timeouts: top-level {@code IPVS_CMD_ATTR_TIMEOUT_TCP}, {@code _TCP_FIN} and {@code _UDP} (u32 seconds) of
 * SET_CONFIG and of the GET_CONFIG reply. Stateless.
 */
public final class ConfigCodec {
  private ConfigCodec() {}

  /** Writes the non-zero timeouts (the kernel keeps a timeout whose attribute is absent or 0). */
  public static void encode(Timeouts t, AttributeEncoder e) {
    if (!t.tcp().isZero()) {
      e.u32(CmdAttr.TIMEOUT_TCP, (int) t.tcp().toSeconds());
    }
    if (!t.tcpFin().isZero()) {
      e.u32(CmdAttr.TIMEOUT_TCP_FIN, (int) t.tcpFin().toSeconds());
    }
    if (!t.udp().isZero()) {
      e.u32(CmdAttr.TIMEOUT_UDP, (int) t.udp().toSeconds());
    }
  }

  /** Writes all three, as the kernel's GET_CONFIG reply does. */
  public static void encodeStatus(Timeouts t, AttributeEncoder e) {
    e.u32(CmdAttr.TIMEOUT_TCP, (int) t.tcp().toSeconds());
    e.u32(CmdAttr.TIMEOUT_TCP_FIN, (int) t.tcpFin().toSeconds());
    e.u32(CmdAttr.TIMEOUT_UDP, (int) t.udp().toSeconds());
  }

  /** Decodes a GET_CONFIG reply's attributes; a missing timeout is 0. Errors stay in {@code d}. */
  public static Timeouts decode(AttributeDecoder d) {
    long tcp = 0;
    long fin = 0;
    long udp = 0;
    while (d.next()) {
      switch (d.type()) {
        case CmdAttr.TIMEOUT_TCP -> tcp = Integer.toUnsignedLong(d.u32());
        case CmdAttr.TIMEOUT_TCP_FIN -> fin = Integer.toUnsignedLong(d.u32());
        case CmdAttr.TIMEOUT_UDP -> udp = Integer.toUnsignedLong(d.u32());
        default -> { }
      }
    }
    return Timeouts.ofSeconds(tcp, fin, udp);
  }
}
