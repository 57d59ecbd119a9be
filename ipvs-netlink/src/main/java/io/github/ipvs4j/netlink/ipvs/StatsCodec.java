package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.Stats;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.StatsAttr;

/**
 * {@code IPVS_*_ATTR_STATS} ({@code struct ip_vs_stats_user}: u32 counters and rates, u64 bytes) and {@code
 * IPVS_*_ATTR_STATS64} ({@code struct ip_vs_kstats}: all u64) nests. Stateless.
 */
public final class StatsCodec {
  private StatsCodec() {}

  /**
   * Decodes the attributes of a stats nest. Each value is read by its length (4 or 8 bytes), so both nests decode the
   * same way; {@code IPVS_STATS_ATTR_PAD} and unknown attributes are skipped. On malformed bytes the error is left in
   * {@code d} and the result is meaningless.
   */
  public static Stats decode(AttributeDecoder d) {
    // ten locals, not an array: a snapshot decodes one nest per destination
    long conns = 0;
    long inPkts = 0;
    long outPkts = 0;
    long inBytes = 0;
    long outBytes = 0;
    long cps = 0;
    long inPps = 0;
    long outPps = 0;
    long inBps = 0;
    long outBps = 0;
    while (d.next()) {
      int t = d.type();
      if (t < StatsAttr.CONNS || t > StatsAttr.OUTBPS) {
        continue;
      }
      long v = d.length() == 8 ? d.u64() : Integer.toUnsignedLong(d.u32());
      switch (t) {
        case StatsAttr.CONNS -> conns = v;
        case StatsAttr.INPKTS -> inPkts = v;
        case StatsAttr.OUTPKTS -> outPkts = v;
        case StatsAttr.INBYTES -> inBytes = v;
        case StatsAttr.OUTBYTES -> outBytes = v;
        case StatsAttr.CPS -> cps = v;
        case StatsAttr.INPPS -> inPps = v;
        case StatsAttr.OUTPPS -> outPps = v;
        case StatsAttr.INBPS -> inBps = v;
        default -> outBps = v;
      }
    }
    return new Stats(conns, inPkts, outPkts, inBytes, outBytes, cps, inPps, outPps, inBps, outBps);
  }

  /**
   * The counters of a reply that may carry both nests: {@code STATS64} when present (full width), else {@code STATS},
   * else {@link Stats#ZERO}. The nests are kept by the caller's loop and decoded here, so only one of them is.
   */
  public static Stats decodePreferred(AttributeDecoder stats64, AttributeDecoder stats) {
    AttributeDecoder chosen = stats64 != null ? stats64 : stats;
    return chosen == null ? Stats.ZERO : decode(chosen);
  }

  /**
   * Writes the attributes of a stats nest as the kernel does: {@code wide} for STATS64 (all u64), otherwise STATS
   * (u32 except the byte counters, which are u64; the other values are cut to 32 bits).
   */
  public static void encode(Stats s, boolean wide, AttributeEncoder e) {
    put(e, StatsAttr.CONNS, s.connections(), wide);
    put(e, StatsAttr.INPKTS, s.inPackets(), wide);
    put(e, StatsAttr.OUTPKTS, s.outPackets(), wide);
    e.u64(StatsAttr.INBYTES, s.inBytes());
    e.u64(StatsAttr.OUTBYTES, s.outBytes());
    put(e, StatsAttr.CPS, s.connectionRate(), wide);
    put(e, StatsAttr.INPPS, s.inPacketRate(), wide);
    put(e, StatsAttr.OUTPPS, s.outPacketRate(), wide);
    put(e, StatsAttr.INBPS, s.inByteRate(), wide);
    put(e, StatsAttr.OUTBPS, s.outByteRate(), wide);
  }

  private static void put(AttributeEncoder e, int type, long value, boolean wide) {
    if (wide) {
      e.u64(type, value);
    } else {
      e.u32(type, (int) value);
    }
  }
}
