package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * The tunnel settings of a destination that {@linkplain ForwardingMethod#TUNNEL tunnels} ({@code
 * IPVS_DEST_ATTR_TUN_TYPE}, {@code TUN_PORT}, {@code TUN_FLAGS}).
 *
 * <p>Allowed combinations, as ipvsadm and the kernel have them:
 *
 * <ul>
 *   <li>{@link TunnelType#IPIP}: port 0, {@link TunnelChecksum#NOCSUM} ({@link #IPIP}); the kernel ignores both, so a
 *       decoder drops what it reports there;
 *   <li>{@link TunnelType#GUE}: port 1-65535 (the kernel refuses 0 with EINVAL), any checksum mode;
 *   <li>{@link TunnelType#GRE}: port 0, {@link TunnelChecksum#NOCSUM} or {@link TunnelChecksum#CSUM}.
 * </ul>
 *
 * @param type the encapsulation
 * @param port the GUE destination UDP port; 0 for the others
 * @param checksum the checksum mode
 */
public record Tunnel(TunnelType type, int port, TunnelChecksum checksum) {
  /** Plain IP-in-IP: what a tunnelling destination gets when nothing else is said. */
  public static final Tunnel IPIP = new Tunnel(TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);

  /** Checks every argument and the combination. */
  public Tunnel {
    Checks.notNull("tunnel.type", type);
    Checks.notNull("tunnel.checksum", checksum);
    switch (type) {
      case GUE:
        Checks.range("tunnel.port", port, 1, 65535);
        break;
      case GRE:
        Checks.check(port == 0, "tunnel.port", port, "0 (GRE has no port)");
        Checks.check(checksum != TunnelChecksum.REMCSUM, "tunnel.checksum", checksum, "NOCSUM or CSUM with GRE");
        break;
      case IPIP:
      default:
        Checks.check(port == 0, "tunnel.port", port, "0 (IPIP has no port)");
        Checks.check(checksum == TunnelChecksum.NOCSUM, "tunnel.checksum", checksum, "NOCSUM with IPIP");
        break;
    }
  }

  /** A GUE tunnel to UDP {@code port} without checksums. */
  public static Tunnel gue(int port) {
    return new Tunnel(TunnelType.GUE, port, TunnelChecksum.NOCSUM);
  }

  /** A GUE tunnel to UDP {@code port} with checksum mode {@code checksum}. */
  public static Tunnel gue(int port, TunnelChecksum checksum) {
    return new Tunnel(TunnelType.GUE, port, checksum);
  }

  /** A GRE tunnel without checksums. */
  public static Tunnel gre() {
    return new Tunnel(TunnelType.GRE, 0, TunnelChecksum.NOCSUM);
  }

  /** A GRE tunnel with checksum mode {@code checksum} (NOCSUM or CSUM). */
  public static Tunnel gre(TunnelChecksum checksum) {
    return new Tunnel(TunnelType.GRE, 0, checksum);
  }

  /** As {@code ipvsadm -L --tun-info} prints it: {@code ipip}, {@code gue:6080:-c}, {@code gre:+c}. */
  @Override
  public String toString() {
    String c = checksum == TunnelChecksum.NOCSUM ? "-c" : checksum == TunnelChecksum.CSUM ? "+c" : "r+c";
    switch (type) {
      case GUE:
        return "gue:" + port + ":" + c;
      case GRE:
        return "gre:" + c;
      case IPIP:
      default:
        return "ipip";
    }
  }
}
