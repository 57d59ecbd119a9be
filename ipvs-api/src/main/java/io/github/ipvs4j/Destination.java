package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.Optional;

/**
 * The specification of a destination (a real server) of a virtual service: what {@code ipvsadm -a} and {@code -e}
 * set ({@code IPVS_CMD_ATTR_DEST}). What a read returns adds connection counts and counters: {@link
 * DestinationStatus}. A destination is identified within its service by address and port.
 *
 * <p>The model accepts every value a kernel can hold. The rule that a destination's family may differ from its
 * service's only when it tunnels involves the service, so {@link ServiceConfig} and {@link IpvsCommand.AddDestination}
 * check it.
 *
 * @param address the real server's address, IPv4 or IPv6 (host name and scope are dropped)
 * @param port the real server's port, 0-65535 (ipvsadm forces it to the service's port for direct routing and
 *     tunnelling; the kernel does not, and this model does not either)
 * @param forwarding how packets reach it
 * @param weight its weight, 0-2147483647 (the kernel's non-negative int; 0 quiesces it: no new connections;
 *     ipvsadm's command line allows 0-65535)
 * @param upperThreshold the connection count above which it gets no new connections, 0-4294967295, 0 for no limit
 * @param lowerThreshold the count below which it gets them again, 0-4294967295, at most {@code upperThreshold} (the
 *     kernel refuses more with ERANGE)
 * @param tunnel the tunnel settings: present exactly when {@code forwarding} is {@link ForwardingMethod#TUNNEL} (given
 *     empty with TUNNEL, it becomes {@link Tunnel#IPIP})
 */
public record Destination(
    InetAddress address,
    int port,
    ForwardingMethod forwarding,
    int weight,
    long upperThreshold,
    long lowerThreshold,
    Optional<Tunnel> tunnel) {

  /** Orders destinations as ipvsadm's save does: by address (IPv4 first, then bytes), then port. */
  public static final Comparator<Destination> ORDER =
      (a, b) -> {
        int byAddress = InetAddresses.compare(a.address, b.address);
        return byAddress != 0 ? byAddress : Integer.compare(a.port, b.port);
      };

  /** Checks every argument; an empty tunnel with TUNNEL forwarding becomes {@link Tunnel#IPIP}. */
  public Destination {
    address = InetAddresses.normalize("destination.address", address);
    Checks.range("destination.port", port, 0, 65535);
    Checks.notNull("destination.forwarding", forwarding);
    Checks.range("destination.weight", weight, 0, Integer.MAX_VALUE);
    Checks.range("destination.upperThreshold", upperThreshold, 0, 0xFFFF_FFFFL);
    Checks.range("destination.lowerThreshold", lowerThreshold, 0, 0xFFFF_FFFFL);
    if (lowerThreshold > upperThreshold) {
      throw Checks.invalid(
          "destination.lowerThreshold", lowerThreshold, "at most the upper threshold " + upperThreshold);
    }
    Checks.notNull("destination.tunnel", tunnel);
    if (forwarding == ForwardingMethod.TUNNEL) {
      if (tunnel.isEmpty()) {
        tunnel = Optional.of(Tunnel.IPIP);
      }
    } else {
      if (tunnel.isPresent()) {
        throw Checks.invalid(
            "destination.tunnel", tunnel.get(), "none unless forwarding is TUNNEL (forwarding is " + forwarding + ")");
      }
    }
  }

  /**
   * The destination a kernel reports, from the raw {@code IPVS_DEST_ATTR_*} values: what a decoder calls. The
   * forwarding method is the low three bits of {@code connFlags} (all eight values are kept); the tunnel attributes
   * are read only for TUNNEL forwarding and only as far as the kernel uses them: IPIP takes no port or checksum mode,
   * GRE only the CSUM bit, GUE the port and the checksum mode as ipvsadm reads it (REMCSUM before CSUM). Kernels
   * before 5.2 send no tunnel attributes: pass 0 for each.
   *
   * @param address {@code ADDR} (with {@code ADDR_FAMILY}, or the service's family before 3.18)
   * @param port {@code PORT}
   * @param connFlags {@code FWD_METHOD}
   * @param weight {@code WEIGHT}, the u32 as a non-negative long
   * @param upperThreshold {@code U_THRESH}, the u32 as a non-negative long
   * @param lowerThreshold {@code L_THRESH}, the u32 as a non-negative long
   * @param tunnelType {@code TUN_TYPE} (0 if absent)
   * @param tunnelPort {@code TUN_PORT} (0 if absent)
   * @param tunnelFlags {@code TUN_FLAGS} (0 if absent)
   * @throws InvalidValueException only for values no kernel reports (a decoder may wrap it as malformed)
   */
  public static Destination fromKernel(
      InetAddress address,
      int port,
      int connFlags,
      long weight,
      long upperThreshold,
      long lowerThreshold,
      int tunnelType,
      int tunnelPort,
      int tunnelFlags) {
    ForwardingMethod method = ForwardingMethod.fromCode(connFlags & ForwardingMethod.MASK);
    Optional<Tunnel> tunnel = Optional.empty();
    if (method == ForwardingMethod.TUNNEL) {
      tunnel =
          Optional.of(
              switch (TunnelType.fromCode(tunnelType)) {
                case IPIP -> Tunnel.IPIP;
                case GRE -> Tunnel.gre(
                    (tunnelFlags & TunnelChecksum.CSUM.bits()) != 0 ? TunnelChecksum.CSUM : TunnelChecksum.NOCSUM);
                case GUE -> Tunnel.gue(tunnelPort, TunnelChecksum.fromBits(tunnelFlags));
              });
    }
    return new Destination(
        address,
        port,
        method,
        (int) Checks.range("destination.weight", weight, 0, Integer.MAX_VALUE),
        upperThreshold,
        lowerThreshold,
        tunnel);
  }

  /** A destination with ipvsadm's defaults: direct routing, weight 1, no thresholds. */
  public static Destination of(InetAddress address, int port) {
    return new Destination(address, port, ForwardingMethod.DIRECT_ROUTE, 1, 0, 0, Optional.empty());
  }

  /** A builder for the destination at literal {@code address} (never DNS) and {@code port}, with ipvsadm's defaults. */
  public static Builder builder(String address, int port) {
    return builder(InetAddresses.parse("destination.address", address), port);
  }

  /** A builder for the destination at {@code address} and {@code port}, with ipvsadm's defaults. */
  public static Builder builder(InetAddress address, int port) {
    return new Builder(of(address, port));
  }

  /** A builder with the fields of this destination. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The address family, that of the address. */
  public AddressFamily family() {
    return InetAddresses.family(address);
  }

  /** Whether this destination is the one at {@code address} and {@code port}. */
  public boolean isAt(InetAddress address, int port) {
    return this.port == port && this.address.equals(address);
  }

  /** This destination with another weight. */
  public Destination withWeight(int weight) {
    return new Destination(address, port, forwarding, weight, upperThreshold, lowerThreshold, tunnel);
  }

  /**
   * This destination with another forwarding method; the tunnel settings are kept when it stays TUNNEL, set to {@link
   * Tunnel#IPIP} when it becomes TUNNEL, and dropped otherwise.
   */
  public Destination withForwarding(ForwardingMethod forwarding) {
    Checks.notNull("destination.forwarding", forwarding);
    Optional<Tunnel> t = forwarding == ForwardingMethod.TUNNEL ? tunnel : Optional.empty();
    return new Destination(address, port, forwarding, weight, upperThreshold, lowerThreshold, t);
  }

  /** This destination tunnelling with {@code tunnel}. */
  public Destination withTunnel(Tunnel tunnel) {
    return new Destination(
        address,
        port,
        ForwardingMethod.TUNNEL,
        weight,
        upperThreshold,
        lowerThreshold,
        Optional.of(Checks.notNull("destination.tunnel", tunnel)));
  }

  /** This destination with other thresholds. */
  public Destination withThresholds(long lowerThreshold, long upperThreshold) {
    return new Destination(address, port, forwarding, weight, upperThreshold, lowerThreshold, tunnel);
  }

  /** Like an {@code ipvsadm -L -n} destination line: {@code "-> 198.51.100.11:8080 Masq 3"} plus extras. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("-> ")
            .append(InetAddresses.formatWithPort(address, port))
            .append(' ')
            .append(forwarding.label())
            .append(' ')
            .append(weight);
    tunnel.ifPresent(t -> sb.append(' ').append(t));
    if (upperThreshold != 0 || lowerThreshold != 0) {
      sb.append(" thresholds ").append(lowerThreshold).append('-').append(upperThreshold);
    }
    return sb.toString();
  }

  /**
   * A builder of {@link Destination}s. Each setter checks its argument; {@link #build()} checks the whole. Not
   * thread-safe; reusable.
   */
  public static final class Builder {
    private InetAddress address;
    private int port;
    private ForwardingMethod forwarding;
    private int weight;
    private long upperThreshold;
    private long lowerThreshold;
    private Optional<Tunnel> tunnel;

    Builder(Destination d) {
      address = d.address;
      port = d.port;
      forwarding = d.forwarding;
      weight = d.weight;
      upperThreshold = d.upperThreshold;
      lowerThreshold = d.lowerThreshold;
      tunnel = d.tunnel;
    }

    /** Sets the address. */
    public Builder address(InetAddress address) {
      this.address = InetAddresses.normalize("destination.address", address);
      return this;
    }

    /** Sets the port. */
    public Builder port(int port) {
      this.port = Checks.range("destination.port", port, 0, 65535);
      return this;
    }

    /** Sets the forwarding method (default {@link ForwardingMethod#DIRECT_ROUTE}, as ipvsadm). */
    public Builder forwarding(ForwardingMethod forwarding) {
      this.forwarding = Checks.notNull("destination.forwarding", forwarding);
      if (forwarding != ForwardingMethod.TUNNEL) {
        this.tunnel = Optional.empty();
      }
      return this;
    }

    /** Sets the weight (default 1). */
    public Builder weight(int weight) {
      this.weight = Checks.range("destination.weight", weight, 0, Integer.MAX_VALUE);
      return this;
    }

    /** Sets the upper threshold (default 0, no limit). */
    public Builder upperThreshold(long upperThreshold) {
      this.upperThreshold = Checks.range("destination.upperThreshold", upperThreshold, 0, 0xFFFF_FFFFL);
      return this;
    }

    /** Sets the lower threshold (default 0). */
    public Builder lowerThreshold(long lowerThreshold) {
      this.lowerThreshold = Checks.range("destination.lowerThreshold", lowerThreshold, 0, 0xFFFF_FFFFL);
      return this;
    }

    /** Makes the destination tunnel with {@code tunnel}. */
    public Builder tunnel(Tunnel tunnel) {
      this.tunnel = Optional.of(Checks.notNull("destination.tunnel", tunnel));
      this.forwarding = ForwardingMethod.TUNNEL;
      return this;
    }

    /** Sets the tunnel settings, empty for none (forwarding unchanged). */
    public Builder tunnel(Optional<Tunnel> tunnel) {
      this.tunnel = Checks.notNull("destination.tunnel", tunnel);
      return this;
    }

    /** The destination. */
    public Destination build() {
      return new Destination(address, port, forwarding, weight, upperThreshold, lowerThreshold, tunnel);
    }
  }
}
