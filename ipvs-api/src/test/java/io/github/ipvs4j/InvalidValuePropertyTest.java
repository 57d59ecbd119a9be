package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ipvs4j.internal.InetAddresses;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Generated invalid values are always refused with {@link InvalidValueException} naming the field, never with a
 * {@link NullPointerException} or any other exception, and never silently accepted.
 */
@Domain(IpvsDomain.class)
@Domain(DomainContext.Global.class)
class InvalidValuePropertyTest {

  /** One way to build something invalid, and the field the refusal must name. */
  record Case(String field, String description, ThrowingCallable build) {
    @Override
    public String toString() {
      return field + ": " + description;
    }
  }

  static void assertRefused(Case c) {
    Throwable t = catchThrowable(c.build());
    assertThat(t).as(c.toString()).isInstanceOf(InvalidValueException.class);
    InvalidValueException e = (InvalidValueException) t;
    assertThat(e.field()).as(c.toString()).isEqualTo(c.field());
    assertThat(e.getMessage()).startsWith(c.field() + ": ").contains("(expected: ");
    assertThat(e.operation()).isEqualTo(IpvsOperation.NONE);
    assertThat(e.errno()).isEmpty();
    assertThat(e.isRetryable()).isFalse();
  }

  @Property(tries = 1000)
  void invalidValuesAreRefusedNamingTheField(@ForAll("invalid") Case c) {
    assertRefused(c);
  }

  /** Every reference component of every record, set to null, is refused naming that component. */
  @Property(tries = 500)
  void nullsAreRefusedNamingTheField(@ForAll Record r, @ForAll @IntRange(min = 0, max = 9) int index) {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Assume.that(components.length > 0); // IpvsCommand.Flush has no component to set to null
    int i = index % components.length;
    if (components[i].getType().isPrimitive()) {
      return;
    }
    Throwable t = catchThrowable(() -> ModelPropertyTest.reconstruct(r, i));
    assertThat(t).as("%s with %s = null", r.getClass().getSimpleName(), components[i].getName())
        .isInstanceOf(InvalidValueException.class);
    String field = ((InvalidValueException) t).field();
    // a single-value record (Scheduler, Protocol) names the value's role rather than its component
    assertThat(field.equals(components[i].getName())
            || field.endsWith("." + components[i].getName())
            || components.length == 1)
        .as("field %s for component %s", field, components[i].getName())
        .isTrue();
  }

  // --- numeric ranges: accepted exactly when in range ----------------------------------------------------------

  static void assertRange(String field, long value, long min, long max, LongFunction<Object> build) {
    if (value >= min && value <= max) {
      assertThatCode(() -> build.apply(value)).doesNotThrowAnyException();
    } else {
      assertRefused(new Case(field, Long.toString(value), () -> build.apply(value)));
    }
  }

  @Provide
  Arbitrary<Long> anyLong() {
    return Arbitraries.longs().edgeCases(e -> e.includeOnly(-1L, 0L, 1L, 255L, 256L, 65535L, 65536L,
        (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, IpvsDomain.U32, IpvsDomain.U32 + 1, Long.MIN_VALUE));
  }

  @Provide
  Arbitrary<Long> smallLong() {
    return Arbitraries.longs().between(-70_000, 70_000).edgeCases(e -> e.includeOnly(-1L, 0L, 1L, 128L, 129L,
        255L, 256L, 65535L, 65536L));
  }

  @Property(tries = 300)
  void rangesAreExact(@ForAll("smallLong") long small, @ForAll("anyLong") long any) {
    InetAddress a = InetAddresses.parse("a", "192.0.2.1");
    assertRange("port", small, 0, 65535, v -> new ServiceKey.Inet(Protocol.TCP, a, (int) v));
    assertRange("protocol", small, 0, 255, v -> Protocol.of((int) v));
    assertRange("fwmark", any, 1, IpvsDomain.U32, v -> ServiceKey.fwmark(v));
    assertRange("netmask", small, 1, 128, v -> Netmask.ipv6((int) v));
    assertRange("netmask", small, 0, 32, v -> Netmask.ipv4Prefix((int) v));
    assertRange("destination.port", small, 0, 65535, v -> Destination.of(a, (int) v));
    if (any == (int) any) {
      assertRange("destination.weight", any, 0, Integer.MAX_VALUE,
          v -> Destination.of(a, 80).withWeight((int) v));
      assertRange("destination.weight", any, 0, Integer.MAX_VALUE,
          v -> Destination.builder(a, 80).weight((int) v).build());
    }
    assertRange("destination.upperThreshold", any, 0, IpvsDomain.U32,
        v -> Destination.of(a, 80).withThresholds(0, v));
    assertRange("tunnel.port", small, 1, 65535, v -> Tunnel.gue((int) v));
    assertRange("timeouts.tcp", any, 0, IpvsDomain.U32,
        v -> Timeouts.unchanged().withTcp(Duration.ofSeconds(v)));
    assertRange("persistence.timeout", any, 0, IpvsDomain.U32, v -> Persistence.ofSeconds(v));
    assertRange("syncDaemon.syncId", small, 0, 255, v -> SyncDaemon.master("eth0", (int) v));
    assertRange("syncDaemon.maxLength", small, 0, 65535,
        v -> new SyncDaemon(SyncState.MASTER, "eth0", 0, (int) v, Optional.empty(), 0, 0));
    assertRange("syncDaemon.port", small, 0, 65535,
        v -> new SyncDaemon(SyncState.MASTER, "eth0", 0, 0, Optional.empty(), (int) v, 0));
    assertRange("syncDaemon.ttl", small, 0, 255,
        v -> new SyncDaemon(SyncState.MASTER, "eth0", 0, 0, Optional.empty(), 0, (int) v));
    assertRange("activeConnections", any, 0, IpvsDomain.U32,
        v -> new DestinationStatus(Destination.of(a, 80), v, 0, 0, Stats.ZERO));
    assertRange("connectionTableSize", any, 0, IpvsDomain.U32, v -> new IpvsInfo(0, v));
    assertRange("forwarding", small, 0, 7, v -> ForwardingMethod.fromCode((int) v));
    assertRange("tunnel.type", small, 0, 2, v -> TunnelType.fromCode((int) v));
    assertRange("state", small, 1, 2, v -> SyncState.fromCode((int) v));
  }

  @Property(tries = 200)
  void thresholdsMustBeOrdered(@ForAll("anyLong") long lower, @ForAll("anyLong") long upper) {
    Destination d = Destination.of(InetAddresses.parse("a", "198.51.100.1"), 80);
    boolean inRange = lower >= 0 && lower <= IpvsDomain.U32 && upper >= 0 && upper <= IpvsDomain.U32;
    if (inRange && lower <= upper) {
      assertThat(d.withThresholds(lower, upper).lowerThreshold()).isEqualTo(lower);
    } else {
      assertThat(catchThrowable(() -> d.withThresholds(lower, upper)))
          .isInstanceOf(InvalidValueException.class);
    }
  }

  // --- generated invalid cases ----------------------------------------------------------------------------------

  static final InetAddress V4 = InetAddresses.parse("a", "192.0.2.10");
  static final InetAddress V6 = InetAddresses.parse("a", "2001:db8::10");

  /** Strings that are not IP literals: host names, garbage, near misses. */
  static Arbitrary<String> notLiterals() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> s + ".example"),
        Arbitraries.of(
            "", " ", "localhost", "192.0.2", "192.0.2.256", "192.0.2.01", "192.0.2.1.", ".192.0.2.1",
            "192.0.2.1/24", "2001:db8:::1", "2001:db8::1::2", "2001:db8::g", "[2001:db8::1", "2001:db8::1]",
            "[192.0.2.1]", "1:2:3:4:5:6:7:8:9", "2001:db8::1%eth0", "::ffff:192.0.2.256", "0x7f.0.0.1",
            "1:2:3:4:5:6:7", "12345::1", "[]"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(12).withChars("0123456789.:abcdefx[]% ")
            .filter(s -> InetAddresses.parseIpv4(s) == null && parseIpv6OrBracketed(s) == null));
  }

  private static byte[] parseIpv6OrBracketed(String s) {
    if (s.length() > 2 && s.startsWith("[") && s.endsWith("]")) {
      return InetAddresses.parseIpv6(s.substring(1, s.length() - 1));
    }
    return InetAddresses.parseIpv6(s);
  }

  /** Kernel names that are not: empty, too long, with spaces or non-ASCII. */
  static Arbitrary<String> badNames(int maxLength) {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(maxLength + 1),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(5)
            .flatMap(p -> Arbitraries.of(" ", "\t", "\n", "\0", "é", "\u007f").map(c -> p + c)));
  }

  static Case c(String field, String description, ThrowingCallable build) {
    return new Case(field, description, build);
  }

  @Provide
  Arbitrary<Case> invalid() {
    Arbitrary<Integer> badPort =
        Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1), Arbitraries.integers().greaterOrEqual(65536));
    return Arbitraries.oneOf(
        // addresses and keys
        notLiterals().map(s -> c("address", s, () -> ServiceKey.tcp(s, 80))),
        notLiterals().map(s -> c("destination.address", s, () -> Destination.builder(s, 80))),
        badPort.map(p -> c("port", "" + p, () -> ServiceKey.udp("192.0.2.1", p))),
        Arbitraries.longs().lessOrEqual(0).map(m -> c("fwmark", "" + m, () -> ServiceKey.fwmark6(m))),
        Arbitraries.longs().greaterOrEqual(IpvsDomain.U32 + 1).map(m -> c("fwmark", "" + m, () -> ServiceKey.fwmark(m))),
        Arbitraries.of(-1, 256, 1000, Integer.MIN_VALUE).map(p -> c("protocol", "" + p, () -> new Protocol(p))),
        Arbitraries.of("tcpx", "", "ip_", "IP_256", "-1").map(p -> c("protocol", p, () -> Protocol.parse(p))),
        Arbitraries.of(0, 1, 3, 9, 11, -2).map(f -> c("family", "" + f, () -> AddressFamily.fromCode(f))),
        // schedulers and flags
        badNames(15).map(n -> c("scheduler", n, () -> Scheduler.of(n))),
        badNames(15).map(n -> c("persistenceEngine", n,
            () -> VirtualService.of(ServiceKey.fwmark(1), Scheduler.RR).withPersistenceEngine(n))),
        Arbitraries.of("sh-fallbak", "FLAG-1", "flag-4", "").map(n -> c("schedulerFlags", n, () -> SchedulerFlag.parse(n))),
        Combinators.combine(
                Arbitraries.of(SchedulerFlag.SH_FALLBACK, SchedulerFlag.SH_PORT, SchedulerFlag.MH_FALLBACK,
                    SchedulerFlag.MH_PORT),
                Arbitraries.of(Scheduler.RR, Scheduler.WLC, Scheduler.of("x")))
            .as((f, s) -> c("schedulerFlags", f + " with " + s,
                () -> VirtualService.builder(ServiceKey.fwmark(1)).scheduler(s).schedulerFlags(f).build())),
        Arbitraries.integers().filter(i -> (i & 0x3f) != 0).map(i -> c("otherFlags", "" + i,
            () -> VirtualService.builder(ServiceKey.fwmark(1)).otherFlags(i).build())),
        // netmasks and persistence
        Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().greaterOrEqual(129))
            .map(p -> c("netmask", "" + p, () -> Netmask.ipv6(p))),
        notLiterals().filter(s -> s.indexOf(':') < 0).map(s -> c("netmask", s, () -> Netmask.ipv4(s))),
        Arbitraries.integers().between(1, 128).map(p -> c("persistence.netmask", "v6 mask on v4",
            () -> VirtualService.builder(ServiceKey.tcp("192.0.2.1", 80))
                .persistence(Duration.ofMinutes(5), Netmask.ipv6(p)).build())),
        Arbitraries.integers().map(m -> c("persistence.netmask", "v4 mask on v6",
            () -> VirtualService.builder(ServiceKey.fwmark6(7))
                .persistence(Duration.ofMinutes(5), new Netmask.V4(m)).build())),
        Arbitraries.longs().lessOrEqual(-1).map(s -> c("persistence.timeout", "" + s, () -> Persistence.ofSeconds(s))),
        Arbitraries.integers().between(1, 999_999_999).map(n -> c("persistence.timeout", n + " ns",
            () -> Persistence.of(Duration.ofSeconds(5, n)))),
        // destinations and tunnels
        badPort.map(p -> c("destination.port", "" + p, () -> Destination.of(V4, p))),
        Arbitraries.integers().lessOrEqual(-1).map(w -> c("destination.weight", "" + w,
            () -> Destination.builder(V4, 80).weight(w))),
        Combinators.combine(Arbitraries.longs().between(1, IpvsDomain.U32), Arbitraries.longs().between(0, IpvsDomain.U32 - 1))
            .as((l, u) -> new long[] {Math.max(l, u + 1), u})
            .map(t -> c("destination.lowerThreshold", t[0] + ">" + t[1],
                () -> Destination.of(V4, 80).withThresholds(t[0], t[1]))),
        Combinators.combine(new IpvsDomain().tunnels(),
                Arbitraries.of(ForwardingMethod.MASQUERADE, ForwardingMethod.DIRECT_ROUTE, ForwardingMethod.LOCAL,
                    ForwardingMethod.BYPASS, ForwardingMethod.UNASSIGNED_7))
            .as((t, m) -> c("destination.tunnel", t + " with " + m,
                () -> new Destination(V4, 80, m, 1, 0, 0, Optional.of(t)))),
        badPort.map(p -> c("tunnel.port", "gue " + p, () -> Tunnel.gue(p))),
        Arbitraries.just(c("tunnel.port", "gue 0", () -> Tunnel.gue(0))),
        Arbitraries.integers().between(1, 65535).map(p -> c("tunnel.port", "gre " + p,
            () -> new Tunnel(TunnelType.GRE, p, TunnelChecksum.NOCSUM))),
        Arbitraries.integers().between(1, 65535).map(p -> c("tunnel.port", "ipip " + p,
            () -> new Tunnel(TunnelType.IPIP, p, TunnelChecksum.NOCSUM))),
        Arbitraries.just(c("tunnel.checksum", "gre remcsum", () -> Tunnel.gre(TunnelChecksum.REMCSUM))),
        Arbitraries.of(TunnelChecksum.CSUM, TunnelChecksum.REMCSUM).map(k -> c("tunnel.checksum", "ipip " + k,
            () -> new Tunnel(TunnelType.IPIP, 0, k))),
        // cross-object rules
        new IpvsDomain().destinations()
            .filter(d -> d.family() == AddressFamily.INET6 && d.forwarding() != ForwardingMethod.TUNNEL)
            .map(d -> c("destination.address", "v6 dest in v4 service " + d,
                () -> ServiceConfig.of(VirtualService.of(ServiceKey.tcp("192.0.2.1", 80), Scheduler.RR), d))),
        new IpvsDomain().destinations()
            .filter(d -> d.family() == AddressFamily.INET && d.forwarding() != ForwardingMethod.TUNNEL)
            .map(d -> c("destination.address", "v4 dest added to v6 service " + d,
                () -> new IpvsCommand.AddDestination(ServiceKey.fwmark6(3), d))),
        new IpvsDomain().destinations()
            .filter(d -> d.family() == AddressFamily.INET)
            .map(d -> c("destinations", "twice " + d,
                () -> ServiceConfig.of(VirtualService.of(ServiceKey.fwmark(1), Scheduler.RR), d, d.withWeight(7)))),
        new IpvsDomain().serviceConfigs().map(s -> c("services", "twice " + s.key(),
            () -> new IpvsTable(List.of(s, s), Optional.empty(), List.of()))),
        Arbitraries.of(SyncState.class).map(st -> c("syncDaemons", "two " + st,
            () -> new IpvsTable(List.of(), Optional.empty(),
                List.of(SyncDaemon.master("eth0", 1).toBuilder().state(st).build(),
                    SyncDaemon.backup("eth1", 2).toBuilder().state(st).build())))),
        // ipvsadm's write rules
        Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP).map(p -> c("port", p + " port 0 not persistent",
            () -> new IpvsCommand.AddService(VirtualService.of(new ServiceKey.Inet(p, V6, 0), Scheduler.RR)))),
        Arbitraries.of(Protocol.TCP, Protocol.SCTP).map(p -> c("onePacket", p + " one-packet",
            () -> new IpvsCommand.EditService(
                VirtualService.of(new ServiceKey.Inet(p, V4, 53), Scheduler.RR).withOnePacket(true)))),
        // timeouts, daemons, info, options
        Arbitraries.longs().lessOrEqual(-1).map(s -> c("timeouts.udp", "" + s,
            () -> Timeouts.ofSeconds(1, 1, s))),
        Arbitraries.longs().greaterOrEqual(IpvsDomain.U32 + 1).map(s -> c("timeouts.tcpFin", "" + s,
            () -> Timeouts.ofSeconds(1, s, 1))),
        badNames(15).map(n -> c("syncDaemon.interfaceName", n, () -> SyncDaemon.backup(n, 0))),
        Arbitraries.of("eth0/1", "a:b", "/", ":").map(n -> c("syncDaemon.interfaceName", n,
            () -> SyncDaemon.master(n, 0))),
        IpvsDomain.ipv4().map(g -> c("syncDaemon.group", "unicast " + g,
            () -> new SyncDaemon(SyncState.MASTER, "eth0", 0, 0, Optional.of(g), 0, 0))),
        IpvsDomain.ipv6().map(g -> c("syncDaemon.group", "unicast " + g,
            () -> SyncDaemon.builder(SyncState.BACKUP, "eth0").group(g).build())),
        Arbitraries.longs().lessOrEqual(-1).map(v -> c("activeConnections", "" + v,
            () -> new DestinationStatus(Destination.of(V4, 1), v, 0, 0, Stats.ZERO))),
        Arbitraries.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(-1)).map(d -> c("requestTimeout",
            "" + d, () -> IpvsOptions.defaults().withRequestTimeout(d))),
        Arbitraries.integers().filter(i -> i != 0 && i < 4096).map(b -> c("receiveBufferSize", "" + b,
            () -> IpvsOptions.defaults().withReceiveBufferSize(b))),
        Arbitraries.of("", "a/b", ".", "..", "x\0y").map(n -> c("networkNamespace", n,
            () -> IpvsOptions.defaults().withNetworkNamespace(n))),
        Arbitraries.longs().lessOrEqual(0).map(p -> c("pid", "" + p,
            () -> IpvsOptions.defaults().withProcessNetworkNamespace(p))),
        // client arguments refused before anything is sent
        Arbitraries.just(c("key", "update moving the key", () -> {
          try (InMemoryIpvsClient ipvs = new InMemoryIpvsClient()) {
            ipvs.service(ServiceKey.fwmark(9)).create();
            ipvs.updateService(ServiceKey.fwmark(9), s -> s.withKey(ServiceKey.fwmark(10)));
          }
        })),
        Arbitraries.just(c("service", "update returning null", () -> {
          try (InMemoryIpvsClient ipvs = new InMemoryIpvsClient()) {
            ipvs.service(ServiceKey.fwmark(9)).create();
            ipvs.updateService(ServiceKey.fwmark(9), s -> null);
          }
        })),
        Arbitraries.just(c("command", "null command", () -> new InMemoryIpvsClient().execute((IpvsCommand) null))));
  }

  @Example
  void messagesNameFieldValueAndExpectation() {
    assertThat(catchThrowable(() -> ServiceKey.tcp("192.0.2.10", 70000)))
        .hasMessage("port: 70000 (expected: 0-65535)");
    assertThat(catchThrowable(() -> ServiceKey.tcp("www.example.org", 80)))
        .hasMessageStartingWith("address: \"www.example.org\" (expected: an IPv4 or IPv6 address literal");
    assertThat(catchThrowable(() -> Tunnel.gre(TunnelChecksum.REMCSUM)))
        .hasMessage("tunnel.checksum: REMCSUM (expected: NOCSUM or CSUM with GRE)");
    assertThat(catchThrowable(() -> Destination.of(V4, 80).withThresholds(5, 4)))
        .hasMessage("destination.lowerThreshold: 5 (expected: at most the upper threshold 4)");
  }
}
