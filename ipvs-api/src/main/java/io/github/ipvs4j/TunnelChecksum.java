package io.github.ipvs4j;

/**
 * The checksum mode of a GUE or GRE tunnel ({@code IPVS_DEST_ATTR_TUN_FLAGS}, {@code ipvsadm
 * --tun-nocsum|--tun-csum|--tun-remcsum}).
 */
public enum TunnelChecksum {
  /** {@code IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM} = 0: no outer checksum (the default). */
  NOCSUM(0),
  /** {@code IP_VS_TUNNEL_ENCAP_FLAG_CSUM} = 1: outer checksum. */
  CSUM(1),
  /** {@code IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM} = 2: remote checksum offload (GUE only). */
  REMCSUM(2);

  private final int bits;

  TunnelChecksum(int bits) {
    this.bits = bits;
  }

  /** The kernel flag bits: 0, 1 or 2. */
  public int bits() {
    return bits;
  }

  /**
   * The mode for kernel flag bits {@code flags}, read as ipvsadm does: REMCSUM if its bit is set, else CSUM if its bit
   * is set, else NOCSUM. Unknown bits are ignored, so this never fails.
   */
  public static TunnelChecksum fromBits(int flags) {
    if ((flags & REMCSUM.bits) != 0) {
      return REMCSUM;
    }
    return (flags & CSUM.bits) != 0 ? CSUM : NOCSUM;
  }
}
