package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.internal.InetAddresses;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.junit.jupiter.api.Test;

/** Round trips of every model type through its builder, its {@code with…} methods and its canonical constructor. */
@Domain(IpvsDomain.class)
@Domain(DomainContext.Global.class)
class ModelPropertyTest {

  @Property(tries = 500)
  void virtualServiceRoundTripsThroughItsBuilder(@ForAll VirtualService s) {
    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(VirtualService.builder(s.key())
            .scheduler(s.scheduler())
            .schedulerFlags(s.schedulerFlags())
            .persistence(s.persistence())
            .persistenceEngine(s.persistenceEngine())
            .onePacket(s.onePacket())
            .otherFlags(s.otherFlags())
            .build())
        .isEqualTo(s);
  }

  @Property(tries = 500)
  void virtualServiceWithMethodsChangeOneFieldOnly(@ForAll VirtualService s) {
    assertThat(s.withScheduler(s.scheduler())).isEqualTo(s);
    assertThat(s.withKey(s.key())).isEqualTo(s);
    assertThat(s.withOnePacket(s.onePacket())).isEqualTo(s);
    assertThat(s.withSchedulerFlags(s.schedulerFlags())).isEqualTo(s);
    assertThat(s.withoutPersistence().withoutPersistenceEngine().persistence()).isEmpty();
    s.persistence().ifPresent(p -> assertThat(s.withoutPersistence().withPersistence(p)).isEqualTo(s));
    assertThat(s.withScheduler(Scheduler.RR).withScheduler(s.scheduler())).isEqualTo(s);
    assertThat(s.flagBits() & VirtualService.FLAG_HASHED).isZero();
  }

  @Property(tries = 500)
  void destinationRoundTripsThroughItsBuilder(@ForAll Destination d) {
    assertThat(d.toBuilder().build()).isEqualTo(d);
    Destination.Builder b =
        Destination.builder(d.address(), d.port())
            .forwarding(d.forwarding())
            .weight(d.weight())
            .upperThreshold(d.upperThreshold())
            .lowerThreshold(d.lowerThreshold());
    d.tunnel().ifPresent(b::tunnel);
    assertThat(b.build()).isEqualTo(d);
    assertThat(d.withWeight(d.weight())).isEqualTo(d);
    assertThat(d.withForwarding(d.forwarding())).isEqualTo(d);
    assertThat(d.withThresholds(d.lowerThreshold(), d.upperThreshold())).isEqualTo(d);
  }

  @Property(tries = 500)
  void syncDaemonRoundTripsThroughItsBuilder(@ForAll SyncDaemon d) {
    assertThat(d.toBuilder().build()).isEqualTo(d);
    assertThat(SyncDaemon.builder(d.state(), d.interfaceName())
            .syncId(d.syncId())
            .maxLength(d.maxLength())
            .group(d.group())
            .port(d.port())
            .ttl(d.ttl())
            .build())
        .isEqualTo(d);
  }

  @Property(tries = 150)
  void tableRoundTripsThroughItsBuilder(@ForAll IpvsTable t) {
    assertThat(t.toBuilder().build()).isEqualTo(t);
    IpvsTable.Builder b = IpvsTable.builder().timeouts(t.timeouts());
    t.services().forEach(b::service);
    t.syncDaemons().forEach(b::syncDaemon);
    assertThat(b.build()).isEqualTo(t);
    t.services().forEach(s -> assertThat(t.service(s.key())).contains(s));
  }

  /** Every record rebuilt from its own accessors through the canonical constructor is equal: values are canonical. */
  @Property(tries = 300)
  void everyRecordRoundTripsThroughItsCanonicalConstructor(@ForAll Record r) throws Exception {
    assertThat(reconstruct(r, -1)).isEqualTo(r);
    assertThat(r.toString()).isNotBlank();
    assertThat(reconstruct(r, -1).hashCode()).isEqualTo(r.hashCode());
  }

  static Object reconstruct(Record r, int nullAt) throws Exception {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      components[i].getAccessor().setAccessible(true);
      values[i] = i == nullAt ? null : components[i].getAccessor().invoke(r);
    }
    Constructor<?> c = r.getClass().getDeclaredConstructor(types);
    c.setAccessible(true);
    try {
      return c.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  @Property(tries = 500)
  void serviceKeysPrintAndParseBack(@ForAll ServiceKey key) {
    if (key instanceof ServiceKey.Inet inet) {
      String text = key.toString();
      String addressPort = text.substring(text.indexOf(' ') + 1);
      String address = addressPort.substring(0, addressPort.lastIndexOf(':'));
      assertThat(ServiceKey.of(Protocol.parse(text.substring(0, text.indexOf(' '))), address, inet.port()))
          .isEqualTo(key);
    } else {
      assertThat(key.toString()).startsWith("FWM ");
    }
  }

  @Property(tries = 1000)
  void addressesPrintAndParseBack(@ForAll InetAddress a) {
    String text = InetAddresses.format(a);
    assertThat(InetAddresses.parse("address", text)).isEqualTo(a);
    assertThat(InetAddresses.family(InetAddresses.parse("address", text))).isEqualTo(InetAddresses.family(a));
    // the JDK agrees on the value (it is given a literal, so it does no lookup)
    assertThat(InetAddresses.normalize("a", jdkParse(text)).getAddress()).isEqualTo(a.getAddress());
  }

  private static InetAddress jdkParse(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Property(tries = 150)
  void tableOrderIsStableUnderShuffling(@ForAll IpvsTable t, @ForAll long seed) {
    Random random = new Random(seed);
    List<ServiceConfig> services = new ArrayList<>();
    for (ServiceConfig s : t.services()) {
      List<Destination> ds = new ArrayList<>(s.destinations());
      Collections.shuffle(ds, random);
      services.add(new ServiceConfig(s.service(), ds));
    }
    Collections.shuffle(services, random);
    List<SyncDaemon> daemons = new ArrayList<>(t.syncDaemons());
    Collections.shuffle(daemons, random);
    IpvsTable shuffled = new IpvsTable(services, t.timeouts(), daemons);
    assertThat(shuffled).isEqualTo(t);
    assertThat(shuffled.services()).containsExactlyElementsOf(t.services());
  }

  @Property(tries = 150)
  void tableOrderIsIpvsadmSaveOrder(@ForAll IpvsTable t) {
    List<ServiceKey> keys = t.services().stream().map(ServiceConfig::key).toList();
    for (int i = 1; i < keys.size(); i++) {
      ServiceKey a = keys.get(i - 1);
      ServiceKey b = keys.get(i);
      // fwmark first (0 for non-fwmark), then family, then protocol, then address bytes, then port
      assertThat(a.fwmarkOrZero()).isLessThanOrEqualTo(b.fwmarkOrZero());
      if (a.fwmarkOrZero() == b.fwmarkOrZero()) {
        assertThat(a.family().compareTo(b.family())).isLessThanOrEqualTo(0);
        if (a.family() == b.family() && a instanceof ServiceKey.Inet x && b instanceof ServiceKey.Inet y) {
          assertThat(x.protocol().number()).isLessThanOrEqualTo(y.protocol().number());
          if (x.protocol().equals(y.protocol())) {
            int c = java.util.Arrays.compareUnsigned(x.address().getAddress(), y.address().getAddress());
            assertThat(c).isLessThanOrEqualTo(0);
            if (c == 0) {
              assertThat(x.port()).isLessThan(y.port());
            }
          }
        }
      }
    }
    for (ServiceConfig s : t.services()) {
      assertThat(s.destinations()).isSortedAccordingTo(Destination.ORDER);
    }
  }

  @Property(tries = 150)
  void tableCommandsRebuildTheTable(@ForAll IpvsTable t) {
    IpvsTable writable = Writable.of(t);
    try (InMemoryIpvsClient ipvs = new InMemoryIpvsClient()) {
      BatchResult r = ipvs.execute(writable.toCommands());
      assertThat(r.failures()).isEmpty();
      IpvsTable back = ipvs.snapshot();
      assertThat(back.services()).isEqualTo(writable.services());
      assertThat(back.syncDaemons()).isEqualTo(writable.syncDaemons());
      writable.timeouts().ifPresent(x -> assertThat(back.timeouts()).contains(
          Timeouts.ofSeconds(900, 120, 300).overriddenBy(x)));
    }
  }

  /**
   * A result made from commands and errors ({@link BatchResult#of}, no outcome objects kept) is the result made from
   * the outcomes one by one: equal, same hash, same failures, same first error thrown with the rest suppressed.
   */
  @Property(tries = 300)
  void compactResultsAreTheResultsOfTheirOutcomes(@ForAll IpvsTable t, @ForAll long failing) {
    List<IpvsCommand> commands = Writable.of(t).toCommands();
    IpvsException[] errors = new IpvsException[commands.size()];
    List<BatchResult.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      if ((failing >>> (i % 64) & 1) != 0 && i % 3 == 0) {
        errors[i] = new IpvsException("command " + i + " refused");
        outcomes.add(BatchResult.Outcome.failure(commands.get(i), errors[i]));
      } else {
        outcomes.add(BatchResult.Outcome.success(commands.get(i)));
      }
    }
    BatchResult compact = BatchResult.of(commands, i -> errors[i]);
    BatchResult listed = new BatchResult(outcomes);
    assertThat(compact).isEqualTo(listed).hasSameHashCodeAs(listed);
    assertThat(compact.outcomes()).containsExactlyElementsOf(outcomes);
    assertThat(compact.size()).isEqualTo(commands.size());
    assertThat(compact.isSuccess()).isEqualTo(listed.isSuccess());
    assertThat(compact.failures()).isEqualTo(listed.failures());
    List<IpvsException> failed = Arrays.stream(errors).filter(Objects::nonNull).toList();
    assertThat(compact.isSuccess()).isEqualTo(failed.isEmpty());
    if (failed.isEmpty()) {
      compact.throwIfFailed();
    } else {
      assertThatThrownBy(compact::throwIfFailed).isSameAs(failed.get(0));
      assertThat(failed.get(0).getSuppressed()).containsExactlyElementsOf(failed.subList(1, failed.size()));
    }
    assertThatThrownBy(() -> compact.outcomes().add(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.outcomes().get(commands.size())).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void compactResultsRefuseNullCommands() {
    List<IpvsCommand> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> BatchResult.of(withNull, i -> null))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("commands");
  }

  @Property(tries = 500)
  void servicesRoundTripThroughTheKernelValues(@ForAll VirtualService s) {
    assertThat(VirtualService.fromKernel(
            s.key(),
            s.scheduler().name(),
            s.flagBits() | VirtualService.FLAG_HASHED,
            s.timeoutSeconds(),
            s.netmaskValue(),
            s.persistenceEngine().orElse(null)))
        .isEqualTo(s);
  }

  @Property(tries = 500)
  void destinationsRoundTripThroughTheKernelValues(@ForAll Destination d, @ForAll int garbage) {
    Tunnel t = d.tunnel().orElse(null);
    Destination back =
        Destination.fromKernel(
            d.address(),
            d.port(),
            d.forwarding().code() | (garbage & ~ForwardingMethod.MASK),
            d.weight(),
            d.upperThreshold(),
            d.lowerThreshold(),
            t == null ? Math.floorMod(garbage, 3) : t.type().code(),
            t == null ? garbage & 0xffff : t.port(),
            t == null ? garbage & 0xffff : t.checksum().bits());
    assertThat(back).isEqualTo(d);
  }

  /** Decoding never fails on values a kernel can report, whatever the unknown bits and ignored attributes hold. */
  @Property(tries = 500)
  void kernelValuesAlwaysDecode(
      @ForAll ServiceKey key,
      @ForAll int flags,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = IpvsDomain.U32) long timeout,
      @ForAll int netmask,
      @ForAll int connFlags,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = Integer.MAX_VALUE) int weight,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int tunType,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 65535) int tunPort,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 65535) int tunFlags) {
    int v6mask = 1 + Math.floorMod(netmask, 128);
    VirtualService s =
        VirtualService.fromKernel(
            key, "wrr", flags, timeout, key.family() == AddressFamily.INET ? netmask : v6mask, "sip");
    assertThat(s.flagBits() | VirtualService.FLAG_HASHED).isEqualTo(flags | VirtualService.FLAG_HASHED);
    Destination d =
        Destination.fromKernel(
            InetAddresses.parse("a", "203.0.113.9"), 80, connFlags, weight, 10, 5, tunType, tunPort, tunFlags);
    assertThat(d.forwarding().code()).isEqualTo(connFlags & 7);
  }
}
