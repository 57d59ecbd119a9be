package io.github.ipvs4j;

import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * Arbitraries for every model type. Unicast addresses come from the documentation ranges only (192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32); multicast groups from MCAST-TEST-NET 233.252.0.0/24 and
 * ff3e:20:2001:db8::/96.
 */
class IpvsDomain extends DomainContextBase {

  /** For jqwik. */
  public IpvsDomain() {}

  static final long U32 = 0xFFFF_FFFFL;

  // --- addresses -------------------------------------------------------------------------------------------------

  static Arbitrary<InetAddress> ipv4() {
    return Combinators.combine(Arbitraries.of(192, 198, 203), Arbitraries.integers().between(0, 255))
        .as(
            (net, host) -> {
              byte[] b =
                  net == 192
                      ? new byte[] {(byte) 192, 0, 2, 0}
                      : net == 198 ? new byte[] {(byte) 198, 51, 100, 0} : new byte[] {(byte) 203, 0, 113, 0};
              b[3] = (byte) (int) host;
              return InetAddresses.fromBytes("a", b);
            });
  }

  static Arbitrary<InetAddress> ipv6() {
    // 2001:db8: then six groups, zero half of the time so that "::" compression is well exercised.
    Arbitrary<Integer> group = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 0xffff));
    return group.list().ofSize(6)
        .map(
            gs -> {
              byte[] b = new byte[16];
              b[0] = 0x20;
              b[1] = 0x01;
              b[2] = 0x0d;
              b[3] = (byte) 0xb8;
              for (int i = 0; i < 6; i++) {
                b[4 + 2 * i] = (byte) (gs.get(i) >>> 8);
                b[5 + 2 * i] = (byte) (int) gs.get(i);
              }
              return InetAddresses.fromBytes("a", b);
            });
  }

  static Arbitrary<InetAddress> address(AddressFamily family) {
    return family == AddressFamily.INET ? ipv4() : ipv6();
  }

  @Provide
  Arbitrary<InetAddress> addresses() {
    return Arbitraries.oneOf(ipv4(), ipv6());
  }

  static Arbitrary<InetAddress> multicast() {
    Arbitrary<InetAddress> v4 =
        Arbitraries.integers().between(0, 255)
            .map(h -> InetAddresses.fromBytes("g", new byte[] {(byte) 233, (byte) 252, 0, (byte) (int) h}));
    Arbitrary<InetAddress> v6 =
        Arbitraries.integers().between(0, 0xffff)
            .map(h -> InetAddresses.parse("g", "ff3e:20:2001:db8::" + Integer.toHexString(h)));
    return Arbitraries.oneOf(v4, v6);
  }

  static Arbitrary<Integer> ports() {
    return Arbitraries.integers().between(0, 65535).edgeCases(e -> e.includeOnly(0, 80, 65535));
  }

  static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, U32);
  }

  static Arbitrary<Duration> seconds(long min, long max) {
    return Arbitraries.longs().between(min, max).map(Duration::ofSeconds);
  }

  // --- services ----------------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<AddressFamily> families() {
    return Arbitraries.of(AddressFamily.class);
  }

  @Provide
  Arbitrary<Protocol> protocols() {
    return weighted(
        6,
        Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP),
        1,
        Arbitraries.integers().between(0, 255).map(Protocol::of));
  }

  static <T> Arbitrary<T> weighted(int w1, Arbitrary<? extends T> a1, int w2, Arbitrary<? extends T> a2) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends T>>of(w1, a1),
        net.jqwik.api.Tuple.<Integer, Arbitrary<? extends T>>of(w2, a2));
  }

  static Arbitrary<ServiceKey.Inet> inetKeys() {
    return Combinators.combine(
            Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP, Protocol.of(50)),
            Arbitraries.oneOf(ipv4(), ipv6()),
            ports())
        .as(ServiceKey.Inet::new);
  }

  static Arbitrary<ServiceKey.FwMark> fwmarkKeys() {
    return Combinators.combine(
            Arbitraries.longs().between(1, U32).edgeCases(e -> e.includeOnly(1L, U32)),
            Arbitraries.of(AddressFamily.class))
        .as(ServiceKey.FwMark::new);
  }

  @Provide
  Arbitrary<ServiceKey> serviceKeys() {
    return weighted(3, inetKeys(), 1, fwmarkKeys());
  }

  static Arbitrary<String> kernelNames(int maxLength) {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(maxLength);
  }

  @Provide
  Arbitrary<Scheduler> schedulers() {
    return weighted(
            4,
            Arbitraries.of(
                Scheduler.RR, Scheduler.WRR, Scheduler.LC, Scheduler.WLC, Scheduler.LBLC, Scheduler.LBLCR,
                Scheduler.DH, Scheduler.SH, Scheduler.SED, Scheduler.NQ, Scheduler.FO, Scheduler.OVF,
                Scheduler.MH, Scheduler.TWOS, Scheduler.NONE),
            1,
            kernelNames(15).map(Scheduler::of));
  }

  /** Services over {@code keys}; built with combine only (flatMap makes jqwik's edge cases slow). */
  static Arbitrary<VirtualService> services(Arbitrary<? extends ServiceKey> keys, Arbitrary<Scheduler> schedulers) {
    Arbitrary<Optional<long[]>> persistence =
        Combinators.combine(
                Arbitraries.longs().between(0, U32),
                Arbitraries.integers(),
                Arbitraries.of(0, 1, 2))
            .as((t, m, kind) -> new long[] {t, m, kind})
            .optional();
    return Combinators.combine(
            keys,
            schedulers,
            Arbitraries.integers().between(0, 7),
            persistence,
            Arbitraries.oneOf(Arbitraries.just("sip"), kernelNames(15)).optional(),
            Arbitraries.of(true, false),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().map(i -> i & ~0x3f)))
        .as(
            (key, scheduler, bits, p, pe, onePacket, other) ->
                new VirtualService(
                    key,
                    scheduler,
                    SchedulerFlag.fromBits(bits << 3, scheduler),
                    p.map(v -> persistence(key.family(), v)),
                    pe,
                    onePacket,
                    other));
  }

  /** {timeout, mask, kind}: kind 0 = no netmask, else a netmask of the family made from {@code mask}. */
  private static Persistence persistence(AddressFamily family, long[] v) {
    Duration timeout = Duration.ofSeconds(v[0]);
    if (v[2] == 0) {
      return Persistence.of(timeout);
    }
    int mask = (int) v[1];
    return Persistence.of(
        timeout,
        family == AddressFamily.INET ? new Netmask.V4(mask) : new Netmask.V6(1 + Math.floorMod(mask, 128)));
  }

  @Provide
  Arbitrary<VirtualService> virtualServices() {
    return services(serviceKeys(), schedulers());
  }

  // --- destinations ------------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<Tunnel> tunnels() {
    return Arbitraries.oneOf(
        Arbitraries.just(Tunnel.IPIP),
        Combinators.combine(Arbitraries.integers().between(1, 65535), Arbitraries.of(TunnelChecksum.class))
            .as(Tunnel::gue),
        Arbitraries.of(TunnelChecksum.NOCSUM, TunnelChecksum.CSUM).map(Tunnel::gre));
  }

  static Arbitrary<Destination> destinations(Arbitrary<InetAddress> addresses, Arbitrary<ForwardingMethod> methods) {
    Arbitrary<Long> upper = u32().edgeCases(e -> e.includeOnly(0L, U32));
    return Combinators.combine(
            addresses,
            ports(),
            methods,
            Arbitraries.integers().between(0, Integer.MAX_VALUE).edgeCases(e -> e.includeOnly(0, 1)),
            Combinators.combine(upper, u32()).as((u, l) -> new long[] {Math.min(l, u), u}),
            new IpvsDomain().tunnels())
        .as(
            (a, p, m, w, thresholds, t) ->
                new Destination(
                    a,
                    p,
                    m,
                    w,
                    thresholds[1],
                    thresholds[0],
                    m == ForwardingMethod.TUNNEL ? Optional.of(t) : Optional.empty()));
  }

  @Provide
  Arbitrary<Destination> destinations() {
    return destinations(addresses(), Arbitraries.of(ForwardingMethod.class));
  }

  // --- status ------------------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<Stats> stats() {
    Arbitrary<Long> l = Arbitraries.longs().edgeCases(e -> e.includeOnly(0L, -1L, Long.MAX_VALUE));
    return l.list().ofSize(10)
        .map(
            v ->
                new Stats(
                    v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8),
                    v.get(9)));
  }

  @Provide
  Arbitrary<ServiceStatus> serviceStatuses() {
    return Combinators.combine(virtualServices(), stats()).as(ServiceStatus::new);
  }

  @Provide
  Arbitrary<DestinationStatus> destinationStatuses() {
    return Combinators.combine(destinations(), u32(), u32(), u32(), stats()).as(DestinationStatus::new);
  }

  @Provide
  Arbitrary<ServiceDetails> serviceDetails() {
    return Combinators.combine(serviceStatuses(), destinationStatuses().list().ofMaxSize(3))
        .as(ServiceDetails::new);
  }

  // --- the rest ----------------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<Timeouts> timeouts() {
    return Combinators.combine(seconds(0, U32), seconds(0, U32), seconds(0, U32)).as(Timeouts::new);
  }

  static Arbitrary<SyncDaemon> syncDaemons(SyncState state) {
    return Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(15),
            Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(0, 65535),
            multicast().optional(),
            Arbitraries.integers().between(0, 65535),
            Arbitraries.integers().between(0, 255))
        .as((i, id, max, g, port, ttl) -> new SyncDaemon(state, i, id, max, g, port, ttl));
  }

  @Provide
  Arbitrary<SyncDaemon> syncDaemons() {
    return Combinators.combine(Arbitraries.of(SyncState.class), syncDaemons(SyncState.MASTER))
        .as((state, d) -> d.toBuilder().state(state).build());
  }

  @Provide
  Arbitrary<IpvsInfo> infos() {
    return Combinators.combine(Arbitraries.integers(), u32()).as(IpvsInfo::new);
  }

  @Provide
  Arbitrary<ServiceConfig> serviceConfigs() {
    Arbitrary<Scheduler> schedulers = schedulers();
    return Combinators.combine(services(serviceKeys(), schedulers), destinations().list().ofMaxSize(4))
        .as((s, ds) -> new ServiceConfig(s, fitDestinations(s.family(), ds)));
  }

  /** One destination per address and port; those of the other family made to tunnel. */
  static List<Destination> fitDestinations(AddressFamily family, List<Destination> ds) {
    Map<List<Object>, Destination> m = new LinkedHashMap<>();
    for (Destination d : ds) {
      Destination fit =
          d.family() == family || d.forwarding() == ForwardingMethod.TUNNEL
              ? d
              : d.withForwarding(ForwardingMethod.TUNNEL);
      m.putIfAbsent(List.of(fit.address(), fit.port()), fit);
    }
    return new ArrayList<>(m.values());
  }

  @Provide
  Arbitrary<IpvsTable> tables() {
    return Combinators.combine(
            serviceConfigs().list().ofMaxSize(6).uniqueElements(ServiceConfig::key),
            timeouts().optional(),
            syncDaemons(SyncState.MASTER).optional(),
            syncDaemons(SyncState.BACKUP).optional())
        .as(
            (s, t, m, b) -> {
              List<SyncDaemon> d = new ArrayList<>();
              m.ifPresent(d::add);
              b.ifPresent(d::add);
              return new IpvsTable(s, t, d);
            });
  }

  @Provide
  Arbitrary<IpvsCommand> commands() {
    Arbitrary<ServiceConfig> configs =
        serviceConfigs()
            .filter(
                c -> {
                  try {
                    io.github.ipvs4j.internal.Rules.checkServiceForWrite(c.service());
                    return !c.destinations().isEmpty();
                  } catch (InvalidValueException e) {
                    return false;
                  }
                });
    return Arbitraries.oneOf(
        configs.map(c -> new IpvsCommand.AddService(c.service())),
        configs.map(c -> new IpvsCommand.EditService(c.service())),
        serviceKeys().map(IpvsCommand.DeleteService::new),
        configs.map(c -> new IpvsCommand.AddDestination(c.key(), c.destinations().get(0))),
        configs.map(c -> new IpvsCommand.EditDestination(c.key(), c.destinations().get(0))),
        configs.map(c -> IpvsCommand.DeleteDestination.of(c.key(), c.destinations().get(0))),
        Arbitraries.just(new IpvsCommand.Flush()),
        serviceKeys().optional().map(IpvsCommand.Zero::new),
        timeouts().map(IpvsCommand.SetTimeouts::new),
        syncDaemons().map(IpvsCommand.StartDaemon::new),
        Arbitraries.of(SyncState.class).map(IpvsCommand.StopDaemon::new));
  }

  /** Every model record type, for properties that hold for all of them. */
  @Provide
  Arbitrary<Record> records() {
    return Arbitraries.oneOf(
        serviceKeys().map(Record.class::cast),
        protocols().map(Record.class::cast),
        schedulers().map(Record.class::cast),
        virtualServices().filter(VirtualService::isPersistent).map(s -> (Record) s.persistence().get()),
        virtualServices().map(Record.class::cast),
        tunnels().map(Record.class::cast),
        destinations().map(Record.class::cast),
        stats().map(Record.class::cast),
        serviceStatuses().map(Record.class::cast),
        destinationStatuses().map(Record.class::cast),
        serviceDetails().map(Record.class::cast),
        timeouts().map(Record.class::cast),
        syncDaemons().map(Record.class::cast),
        infos().map(Record.class::cast),
        serviceConfigs().map(Record.class::cast),
        tables().map(Record.class::cast),
        commands().map(Record.class::cast),
        Arbitraries.just(IpvsOptions.defaults().withNetworkNamespace("lb1")).map(Record.class::cast));
  }

  /** All known scheduler-flag names, for tests. */
  static final Set<SchedulerFlag> ALL_FLAGS = Set.of(SchedulerFlag.values());
}
