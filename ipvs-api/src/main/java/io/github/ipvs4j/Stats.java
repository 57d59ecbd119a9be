package io.github.ipvs4j;

/**
 * The traffic counters and rates of a service or destination ({@code IPVS_SVC_ATTR_STATS64} / {@code
 * IPVS_DEST_ATTR_STATS64}, {@code struct ip_vs_stats64}). Every value is the kernel's unsigned 64-bit number held in
 * a {@code long}: read values above {@link Long#MAX_VALUE} with {@link Long#toUnsignedString(long)}. Older kernels
 * (before 4.1) report 32-bit {@code IPVS_*_ATTR_STATS}, which fit.
 *
 * @param connections connections scheduled ({@code IPVS_STATS_ATTR_CONNS})
 * @param inPackets incoming packets ({@code IPVS_STATS_ATTR_INPKTS})
 * @param outPackets outgoing packets ({@code IPVS_STATS_ATTR_OUTPKTS})
 * @param inBytes incoming bytes ({@code IPVS_STATS_ATTR_INBYTES})
 * @param outBytes outgoing bytes ({@code IPVS_STATS_ATTR_OUTBYTES})
 * @param connectionRate connections per second ({@code IPVS_STATS_ATTR_CPS})
 * @param inPacketRate incoming packets per second ({@code IPVS_STATS_ATTR_INPPS})
 * @param outPacketRate outgoing packets per second ({@code IPVS_STATS_ATTR_OUTPPS})
 * @param inByteRate incoming bytes per second ({@code IPVS_STATS_ATTR_INBPS})
 * @param outByteRate outgoing bytes per second ({@code IPVS_STATS_ATTR_OUTBPS})
 */
public record Stats(
    long connections,
    long inPackets,
    long outPackets,
    long inBytes,
    long outBytes,
    long connectionRate,
    long inPacketRate,
    long outPacketRate,
    long inByteRate,
    long outByteRate) {

  /** All counters and rates zero. */
  public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
