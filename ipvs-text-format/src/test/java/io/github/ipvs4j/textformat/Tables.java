package io.github.ipvs4j.textformat;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random tables that the save format can carry (what {@code ipvsadm -S} cannot express is left out: LOCAL and
 * BYPASS forwarding, {@code flag-3} on sh and mh services, unknown flag bits), from a seed, with documentation
 * addresses only. Used by the jqwik properties (seeds from jqwik) and the kernel tier (fixed seeds).
 */
final class Tables {
  private Tables() {}

  /** Options for what the generated tables contain. */
  record Options(boolean extended, boolean fullFwmarkRange, boolean kernelSafe, int maxServices, int maxDests) {
    static final Options ALL = new Options(true, true, false, 6, 5);
  }

  static Arbitrary<IpvsTable> tables(Options options) {
    return Arbitraries.longs().map(seed -> table(new Random(seed), options));
  }

  private static final String[] SCHEDULERS = {
    "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh"
  };

  static IpvsTable table(Random r, Options o) {
    IpvsTable.Builder b = IpvsTable.builder();
    int n = o.kernelSafe ? 3 + r.nextInt(o.maxServices - 2) : r.nextInt(o.maxServices + 1);
    Set<ServiceKey> keys = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ServiceKey key = key(r, o);
      if (!keys.add(key)) {
        continue;
      }
      VirtualService v = service(r, key, o);
      List<Destination> dests = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int nd = r.nextInt(o.maxDests + 1);
      for (int k = 0; k < nd; k++) {
        Destination d = destination(r, key, o);
        if (seen.add(d.address() + ":" + d.port())) {
          dests.add(d);
        }
      }
      b.service(new ServiceConfig(v, dests));
    }
    if (o.extended) {
      if (r.nextBoolean()) {
        b.timeouts(Timeouts.ofSeconds(r.nextInt(2678401), r.nextInt(2678401), r.nextInt(2678401)));
      }
      if (r.nextInt(3) == 0) {
        b.syncDaemon(daemon(r, SyncState.MASTER));
      }
      if (r.nextInt(3) == 0) {
        b.syncDaemon(daemon(r, SyncState.BACKUP));
      }
    }
    return b.build();
  }

  static InetAddress ipv4(Random r) {
    int net = r.nextInt(3);
    byte[] b =
        net == 0
            ? new byte[] {(byte) 192, 0, 2, 0}
            : net == 1 ? new byte[] {(byte) 198, 51, 100, 0} : new byte[] {(byte) 203, 0, 113, 0};
    b[3] = (byte) (1 + r.nextInt(254));
    return address(b);
  }

  static InetAddress ipv6(Random r) {
    byte[] b = new byte[16];
    b[0] = 0x20;
    b[1] = 0x01;
    b[2] = 0x0d;
    b[3] = (byte) 0xb8;
    for (int i = 4; i < 16; i += 2) {
      // zero groups half of the time, so that "::" is exercised; big values so that ipvsadm's word order wraps
      if (r.nextBoolean()) {
        int g = r.nextInt(4) == 0 ? 0x8000 + r.nextInt(0x8000) : r.nextInt(0x10000);
        b[i] = (byte) (g >>> 8);
        b[i + 1] = (byte) g;
      }
    }
    if (isZeroSuffix(b)) {
      b[15] = 1;
    }
    return address(b);
  }

  private static boolean isZeroSuffix(byte[] b) {
    for (int i = 4; i < 16; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static InetAddress address(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static ServiceKey key(Random r, Options o) {
    if (r.nextInt(4) == 0) {
      long max = o.fullFwmarkRange ? 0xFFFF_FFFFL : Integer.MAX_VALUE;
      long mark = r.nextBoolean() ? 1 + r.nextInt(100) : 1 + (long) (r.nextDouble() * (max - 1));
      return new ServiceKey.FwMark(mark, r.nextBoolean() ? AddressFamily.INET : AddressFamily.INET6);
    }
    Protocol p = switch (r.nextInt(3)) {
      case 0 -> Protocol.TCP;
      case 1 -> Protocol.UDP;
      default -> Protocol.SCTP;
    };
    InetAddress a = r.nextInt(3) == 0 ? ipv6(r) : ipv4(r);
    int port = r.nextInt(8) == 0 ? 0 : r.nextBoolean() ? 1 + r.nextInt(1024) : 1 + r.nextInt(65535);
    return new ServiceKey.Inet(p, a, port);
  }

  static VirtualService service(Random r, ServiceKey key, Options o) {
    String sched = SCHEDULERS[r.nextInt(SCHEDULERS.length)];
    if (!o.kernelSafe && r.nextInt(10) == 0) {
      sched = name(r, 1 + r.nextInt(15));
    }
    Scheduler s = Scheduler.of(sched);
    EnumSet<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
    boolean shOrMh = sched.equals("sh") || sched.equals("mh");
    if (r.nextInt(3) == 0) {
      if (r.nextBoolean()) {
        flags.add(SchedulerFlag.FLAG_1);
      }
      if (r.nextBoolean()) {
        flags.add(SchedulerFlag.FLAG_2);
      }
      if (!shOrMh && r.nextBoolean()) {
        flags.add(SchedulerFlag.FLAG_3);
      }
    }
    Set<SchedulerFlag> canonical = SchedulerFlag.fromBits(SchedulerFlag.toBits(flags), s);
    boolean inetPortZero = key instanceof ServiceKey.Inet i && i.port() == 0;
    Optional<Persistence> persistence = Optional.empty();
    if (inetPortZero || r.nextInt(3) == 0) {
      long timeout = r.nextBoolean() ? 360 : 1 + r.nextInt(2678400);
      Optional<Netmask> mask = Optional.empty();
      if (r.nextBoolean()) {
        mask = Optional.of(key.family() == AddressFamily.INET
            ? (r.nextBoolean() ? Netmask.ipv4Prefix(r.nextInt(33)) : new Netmask.V4(r.nextInt()))
            : Netmask.ipv6(1 + r.nextInt(128)));
      }
      persistence = Optional.of(new Persistence(Duration.ofSeconds(timeout), mask));
    }
    Optional<String> pe = Optional.empty();
    if (r.nextInt(6) == 0) {
      pe = Optional.of(o.kernelSafe ? "sip" : name(r, 1 + r.nextInt(15)));
    }
    boolean onePacket =
        (key instanceof ServiceKey.FwMark || ((ServiceKey.Inet) key).protocol().equals(Protocol.UDP))
            && r.nextInt(3) == 0;
    return new VirtualService(key, s, canonical, persistence, pe, onePacket, 0);
  }

  static Destination destination(Random r, ServiceKey key, Options o) {
    ForwardingMethod m = switch (r.nextInt(3)) {
      case 0 -> ForwardingMethod.MASQUERADE;
      case 1 -> ForwardingMethod.TUNNEL;
      default -> ForwardingMethod.DIRECT_ROUTE;
    };
    boolean otherFamily = m == ForwardingMethod.TUNNEL && r.nextInt(4) == 0;
    boolean v6 = (key.family() == AddressFamily.INET6) != otherFamily;
    InetAddress a = v6 ? ipv6(r) : ipv4(r);
    int port;
    if (key instanceof ServiceKey.Inet i && m != ForwardingMethod.MASQUERADE) {
      port = i.port();
    } else {
      port = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(65535);
    }
    int weight = r.nextInt(4) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(101);
    long u = 0;
    long l = 0;
    if (o.extended && r.nextInt(3) == 0) {
      u = r.nextInt(Integer.MAX_VALUE);
      l = u == 0 ? 0 : (long) (r.nextDouble() * u);
    }
    Optional<Tunnel> tunnel = Optional.empty();
    if (m == ForwardingMethod.TUNNEL) {
      tunnel = Optional.of(switch (r.nextInt(3)) {
        case 0 -> Tunnel.IPIP;
        case 1 -> Tunnel.gue(1 + r.nextInt(65535), TunnelChecksum.values()[r.nextInt(3)]);
        default -> Tunnel.gre(r.nextBoolean() ? TunnelChecksum.CSUM : TunnelChecksum.NOCSUM);
      });
    }
    return new Destination(a, port, m, weight, u, l, tunnel);
  }

  static SyncDaemon daemon(Random r, SyncState state) {
    SyncDaemon.Builder b = SyncDaemon.builder(state, "eth" + r.nextInt(10)).syncId(r.nextInt(256));
    if (r.nextBoolean()) {
      b.maxLength(1 + r.nextInt(65507));
    }
    if (r.nextBoolean()) {
      b.group(r.nextBoolean() ? address(new byte[] {(byte) 233, (byte) 252, 0, (byte) r.nextInt(256)})
          : address(new byte[] {(byte) 0xff, 0x3e, 0, 0x20, 0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0,
              (byte) r.nextInt(256)}));
    }
    if (r.nextBoolean()) {
      b.port(1 + r.nextInt(65535));
    }
    if (r.nextBoolean()) {
      b.ttl(1 + r.nextInt(255));
    }
    return b.build();
  }

  private static String name(Random r, int length) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789_.+";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(r.nextInt(chars.length())));
    }
    String s = sb.toString();
    return s.equals("ipvsadm") ? "rr" : s;
  }
}
