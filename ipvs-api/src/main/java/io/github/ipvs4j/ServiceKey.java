package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import io.github.ipvs4j.internal.KeyOrder;
import java.net.InetAddress;
import java.util.Comparator;

/**
 * What identifies a virtual service: either a protocol, address and port ({@link Inet}) or a firewall mark and
 * address family ({@link FwMark}). The kernel's rule "a fwmark, or a (protocol, address, port) tuple, never both" is
 * this type.
 *
 * <p>Factories for JShell and tests, which parse address literals only (never DNS):
 *
 * <pre>{@code
 * ServiceKey.tcp("192.0.2.10", 80)        // TCP 192.0.2.10:80
 * ServiceKey.udp("2001:db8::53", 53)      // UDP [2001:db8::53]:53
 * ServiceKey.fwmark(5)                    // FWM 5 (IPv4)
 * ServiceKey.fwmark6(5)                   // FWM 5 IPv6
 * }</pre>
 *
 * <p>{@link #ORDER} is ipvsadm's save order (see {@link IpvsTable}).
 */
public sealed interface ServiceKey extends Comparable<ServiceKey> permits ServiceKey.Inet, ServiceKey.FwMark {

  /** The address family: of the address for {@link Inet}, given for {@link FwMark}. */
  AddressFamily family();

  /**
   * ipvsadm's save order ({@code ipvs_cmp_services}): by firewall mark (0 for non-fwmark services, so those come
   * first), then family (IPv4 first), then protocol number, then address bytes, then port.
   */
  Comparator<ServiceKey> ORDER = KeyOrder.SERVICE_KEYS;

  /** The firewall mark, or 0 for a protocol/address/port service. */
  default long fwmarkOrZero() {
    return this instanceof FwMark f ? f.mark() : 0;
  }

  /** Compares by {@link #ORDER}. */
  @Override
  default int compareTo(ServiceKey other) {
    return ORDER.compare(this, other);
  }

  /**
   * A service identified by protocol, virtual address and port, such as {@code TCP 192.0.2.10:80}.
   *
   * @param protocol the IP protocol ({@link Protocol#TCP}, {@link Protocol#UDP}, {@link Protocol#SCTP})
   * @param address the virtual IP address, IPv4 or IPv6 (host name and scope are dropped)
   * @param port the port, 0-65535 (0 only for persistent services, which {@link IpvsCommand.AddService} checks)
   */
  record Inet(Protocol protocol, InetAddress address, int port) implements ServiceKey {
    /** Checks every argument. */
    public Inet {
      Checks.notNull("protocol", protocol);
      address = InetAddresses.normalize("address", address);
      Checks.range("port", port, 0, 65535);
    }

    @Override
    public AddressFamily family() {
      return InetAddresses.family(address);
    }

    /**
     * Mixes the three parts: the record's default, 31 * (31 * protocol + address) + port, gives one value to
     * 203.0.113.1:81 and 203.0.113.0:112, and a whole table whose VIPs and ports count up together collides in few
     * hash buckets.
     */
    @Override
    public int hashCode() {
      int h = address.hashCode() * 0x9E3779B9;
      h = (h ^ (h >>> 16) ^ port) * 0x85EBCA6B;
      return (h ^ (h >>> 13)) + protocol.number();
    }

    /** This key with another port. */
    public Inet withPort(int port) {
      return new Inet(protocol, address, port);
    }

    /** {@code "TCP 192.0.2.10:80"} or {@code "UDP [2001:db8::1]:53"}. */
    @Override
    public String toString() {
      return protocol.label() + " " + InetAddresses.formatWithPort(address, port);
    }
  }

  /**
   * A service identified by a firewall mark ({@code iptables -j MARK}) and the family of the packets it matches, such
   * as {@code FWM 5} or {@code FWM 5 IPv6}.
   *
   * @param mark the firewall mark, 1-4294967295 (the kernel's u32; 0 means "no fwmark" there)
   * @param family the address family of the packets this service takes
   */
  record FwMark(long mark, AddressFamily family) implements ServiceKey {
    /** Checks every argument. */
    public FwMark {
      Checks.range("fwmark", mark, 1, 0xFFFF_FFFFL);
      Checks.notNull("family", family);
    }

    /** {@code "FWM 5"} or {@code "FWM 5 IPv6"}, as {@code ipvsadm -L} prints them. */
    @Override
    public String toString() {
      return "FWM " + mark + (family == AddressFamily.INET6 ? " IPv6" : "");
    }
  }

  /** A TCP service: {@code tcp("192.0.2.10", 80)}. The address must be a literal; no DNS lookup is made. */
  static Inet tcp(String address, int port) {
    return new Inet(Protocol.TCP, InetAddresses.parse("address", address), port);
  }

  /** A UDP service: {@code udp("192.0.2.10", 53)}. The address must be a literal. */
  static Inet udp(String address, int port) {
    return new Inet(Protocol.UDP, InetAddresses.parse("address", address), port);
  }

  /** An SCTP service: {@code sctp("192.0.2.10", 3868)}. The address must be a literal. */
  static Inet sctp(String address, int port) {
    return new Inet(Protocol.SCTP, InetAddresses.parse("address", address), port);
  }

  /** A TCP service on {@code address}. */
  static Inet tcp(InetAddress address, int port) {
    return new Inet(Protocol.TCP, address, port);
  }

  /** A UDP service on {@code address}. */
  static Inet udp(InetAddress address, int port) {
    return new Inet(Protocol.UDP, address, port);
  }

  /** An SCTP service on {@code address}. */
  static Inet sctp(InetAddress address, int port) {
    return new Inet(Protocol.SCTP, address, port);
  }

  /** A service of {@code protocol} on a literal {@code address}. */
  static Inet of(Protocol protocol, String address, int port) {
    return new Inet(protocol, InetAddresses.parse("address", address), port);
  }

  /** An IPv4 firewall-mark service ({@code ipvsadm -f mark}). */
  static FwMark fwmark(long mark) {
    return new FwMark(mark, AddressFamily.INET);
  }

  /** An IPv6 firewall-mark service ({@code ipvsadm -f mark -6}). */
  static FwMark fwmark6(long mark) {
    return new FwMark(mark, AddressFamily.INET6);
  }
}
