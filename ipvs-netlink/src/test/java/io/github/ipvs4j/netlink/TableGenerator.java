package io.github.ipvs4j.netlink;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of IPVS tables that both the kernel and ipvsadm accept and that survive ipvsadm's save format
 * (no LOCALNODE, DR/TUN destinations of non-fwmark services on the service's port): every service and destination
 * attribute of the contract shows up across a few dozen services. Documentation addresses only.
 */
final class TableGenerator {
  private static final List<Scheduler> SCHEDULERS =
      List.of(Scheduler.RR, Scheduler.WRR, Scheduler.LC, Scheduler.WLC, Scheduler.SH, Scheduler.MH, Scheduler.SED,
          Scheduler.NQ, Scheduler.DH, Scheduler.LBLC, Scheduler.LBLCR, Scheduler.FO, Scheduler.OVF);

  private final Random random;
  private final Set<ServiceKey> keys = new HashSet<>();

  TableGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} services with 0 to {@code maxDestinations} destinations each. */
  List<ServiceConfig> services(int count, int maxDestinations) {
    List<ServiceConfig> out = new ArrayList<>();
    while (out.size() < count) {
      VirtualService s = service();
      if (!keys.add(s.key())) {
        continue;
      }
      out.add(new ServiceConfig(s, destinations(s.key(), random.nextInt(maxDestinations + 1))));
    }
    return out;
  }

  VirtualService service() {
    ServiceKey key = key();
    Scheduler scheduler = SCHEDULERS.get(random.nextInt(SCHEDULERS.size()));
    VirtualService s = VirtualService.of(key, scheduler);
    boolean persistent = key instanceof ServiceKey.Inet i && i.port() == 0 || random.nextInt(3) == 0;
    if (persistent) {
      Optional<Netmask> mask = Optional.empty();
      if (random.nextBoolean()) {
        mask =
            Optional.of(
                key.family() == AddressFamily.INET
                    ? Netmask.ipv4Prefix(8 + random.nextInt(25))
                    : Netmask.ipv6(1 + random.nextInt(128)));
      }
      s = s.withPersistence(new Persistence(Duration.ofSeconds(1 + random.nextInt(86400)), mask));
      if (key instanceof ServiceKey.Inet i && i.protocol().equals(Protocol.UDP) && random.nextInt(3) == 0) {
        s = s.withPersistenceEngine("sip");
      }
    }
    boolean udpOrFwmark = key instanceof ServiceKey.FwMark || ((ServiceKey.Inet) key).protocol().equals(Protocol.UDP);
    if (udpOrFwmark && random.nextInt(3) == 0) {
      s = s.withOnePacket(true);
    }
    if (random.nextInt(3) == 0) {
      EnumSet<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
      int bits = 0x08 * (1 + random.nextInt(7));
      flags.addAll(SchedulerFlag.fromBits(bits, scheduler));
      s = s.withSchedulerFlags(flags);
    }
    return s;
  }

  private ServiceKey key() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return new ServiceKey.FwMark(1 + random.nextInt(1 << 20), AddressFamily.INET);
    }
    if (kind == 1) {
      return new ServiceKey.FwMark(1L + random.nextInt(Integer.MAX_VALUE) * 2L, AddressFamily.INET6);
    }
    Protocol p = List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP).get(random.nextInt(3));
    InetAddress a = random.nextInt(3) == 0 ? v6("2001:db8:" + hex() + "::" + hex()) : v4("192.0.2." + (1 + random.nextInt(254)));
    int port = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(65535);
    return new ServiceKey.Inet(p, a, port);
  }

  List<Destination> destinations(ServiceKey key, int count) {
    List<Destination> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (out.size() < count) {
      Destination d = destination(key);
      if (seen.add(d.address().getHostAddress() + "/" + d.port())) {
        out.add(d);
      }
    }
    return out;
  }

  Destination destination(ServiceKey key) {
    ForwardingMethod m =
        List.of(ForwardingMethod.MASQUERADE, ForwardingMethod.DIRECT_ROUTE, ForwardingMethod.TUNNEL)
            .get(random.nextInt(3));
    boolean v6 = key.family() == AddressFamily.INET6;
    if (m == ForwardingMethod.TUNNEL && random.nextInt(4) == 0) {
      v6 = !v6; // mixed family: only with a tunnel
    }
    InetAddress a = v6 ? v6("2001:db8:ff::" + hex()) : v4("198.51.100." + (1 + random.nextInt(254)));
    int port = random.nextInt(65536);
    if (key instanceof ServiceKey.Inet i && m != ForwardingMethod.MASQUERADE) {
      port = i.port(); // ipvsadm forces the service's port for DR and TUN
    }
    long upper = random.nextBoolean() ? 0 : random.nextInt(100000);
    long lower = upper == 0 ? 0 : random.nextInt((int) upper + 1);
    Destination.Builder b =
        Destination.builder(a, port).forwarding(m).weight(random.nextInt(65536)).upperThreshold(upper).lowerThreshold(lower);
    if (m == ForwardingMethod.TUNNEL) {
      b.tunnel(tunnel());
    }
    return b.build();
  }

  private Tunnel tunnel() {
    return switch (random.nextInt(3)) {
      case 0 -> Tunnel.IPIP;
      case 1 -> Tunnel.gue(1 + random.nextInt(65535), TunnelChecksum.values()[random.nextInt(3)]);
      default -> Tunnel.gre(random.nextBoolean() ? TunnelChecksum.CSUM : TunnelChecksum.NOCSUM);
    };
  }

  private String hex() {
    return Integer.toHexString(1 + random.nextInt(0xfffe));
  }

  static InetAddress v4(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static InetAddress v6(String s) {
    return v4(s);
  }
}
