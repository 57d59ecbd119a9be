package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import static io.github.ipvs4j.Scheduler.*;
import static io.github.ipvs4j.ServiceKey.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default methods of {@link IpvsClient}, built once on the primitives, run against the in-memory fake. */
class ClientBehaviourTest {
  final InMemoryIpvsClient ipvs = new InMemoryIpvsClient();
  final ServiceKey web = tcp("192.0.2.10", 80);
  final InetAddress rs1 = InetAddresses.parse("a", "198.51.100.11");

  @AfterEach
  void close() {
    ipvs.close();
  }

  @Test
  void fluentUpdateChangesOnlyWhatItMentions() {
    ipvs.service(web).scheduler(SH).schedulerFlags(SchedulerFlag.SH_PORT)
        .persistence(Duration.ofMinutes(5), Netmask.ipv4Prefix(24)).persistenceEngine("sip").create();
    ipvs.service(web).scheduler(RR).update();
    VirtualService s = ipvs.getService(web).spec();
    assertThat(s.scheduler()).isEqualTo(RR);
    assertThat(s.schedulerFlags()).containsExactly(SchedulerFlag.FLAG_2); // the bit stays, renamed for rr
    assertThat(s.persistence()).contains(Persistence.of(Duration.ofMinutes(5), Netmask.ipv4("255.255.255.0")));
    assertThat(s.persistenceEngine()).contains("sip");
    // a persistence timeout alone keeps the netmask
    ipvs.service(web).persistence(Duration.ofMinutes(1)).update();
    assertThat(ipvs.getService(web).spec().persistence().get().netmask()).contains(Netmask.ipv4Prefix(24));
  }

  @Test
  void updateWithAFunctionSendsNothingWhenNothingChanges() {
    ipvs.service(web).create();
    int before = ipvs.commandsExecuted();
    ipvs.updateService(web, s -> s);
    assertThat(ipvs.commandsExecuted()).isEqualTo(before);
    assertThat(ipvs.updateService(web, s -> s.withScheduler(WRR)).scheduler()).isEqualTo(WRR);
    assertThat(ipvs.commandsExecuted()).isEqualTo(before + 1);
    assertThat(ipvs.getService(web).spec().scheduler()).isEqualTo(WRR);
  }

  @Test
  void ensureIsIdempotent() {
    VirtualService s = VirtualService.of(web, WRR);
    assertThat(ipvs.ensureService(s)).isEqualTo(Change.CREATED);
    assertThat(ipvs.ensureService(s)).isEqualTo(Change.UNCHANGED);
    assertThat(ipvs.ensureService(s.withScheduler(RR))).isEqualTo(Change.UPDATED);
    Destination d = Destination.builder(rs1, 8080).forwarding(ForwardingMethod.MASQUERADE).weight(3).build();
    assertThat(ipvs.ensureDestination(web, d)).isEqualTo(Change.CREATED);
    assertThat(ipvs.ensureDestination(web, d)).isEqualTo(Change.UNCHANGED);
    assertThat(ipvs.ensureDestination(web, d.withWeight(0))).isEqualTo(Change.UPDATED);
    assertThat(ipvs.findDestination(web, rs1, 8080).get().spec().weight()).isZero();
    // fluent ensure: create when absent, update the mentioned fields when present
    ipvs.service(udp("192.0.2.53", 53)).scheduler(LC).onePacket().ensure();
    ipvs.service(udp("192.0.2.53", 53)).scheduler(NQ).ensure();
    assertThat(ipvs.getService(udp("192.0.2.53", 53)).spec().onePacket()).isTrue();
    assertThat(ipvs.getService(udp("192.0.2.53", 53)).spec().scheduler()).isEqualTo(NQ);
  }

  @Test
  void removeIfPresentReportsWhetherItRemoved() {
    ipvs.service(web).create().destination(rs1, 8080).add();
    assertThat(ipvs.removeDestinationIfPresent(web, rs1, 8080)).isTrue();
    assertThat(ipvs.removeDestinationIfPresent(web, rs1, 8080)).isFalse();
    assertThat(ipvs.removeServiceIfPresent(web)).isTrue();
    assertThat(ipvs.removeServiceIfPresent(web)).isFalse();
    assertThatThrownBy(() -> ipvs.removeDestinationIfPresent(web, rs1, 8080))
        .isInstanceOf(NoSuchServiceException.class);
    assertThat(ipvs.stopSyncDaemonIfRunning(SyncState.MASTER)).isFalse();
  }

  @Test
  void kernelErrorsArriveAsTheirSubclass() {
    ipvs.service(web).create();
    assertThatThrownBy(() -> ipvs.service(web).create())
        .isInstanceOf(ServiceAlreadyExistsException.class)
        .hasMessage("add service TCP 192.0.2.10:80: service already exists (EEXIST, errno 17)");
    assertThatThrownBy(() -> ipvs.service(fwmark(1)).scheduler("nosuch").create())
        .isInstanceOf(SchedulerOrEngineNotFoundException.class);
    assertThatThrownBy(() -> ipvs.service(fwmark(2)).update()).isInstanceOf(NoSuchServiceException.class);
    assertThatThrownBy(() -> ipvs.destinations(fwmark(2))).isInstanceOf(NoSuchServiceException.class);
    assertThatThrownBy(() -> ipvs.service(web).destination(rs1, 1).weight(5).update())
        .isInstanceOf(NoSuchDestinationException.class)
        .hasMessageContaining("TCP 192.0.2.10:80 -> 198.51.100.11:1");
    ipvs.service(web).destination(rs1, 1).add();
    assertThatThrownBy(() -> ipvs.service(web).destination(rs1, 1).add())
        .isInstanceOf(DestinationAlreadyExistsException.class);
    ipvs.startSyncDaemon(SyncDaemon.master("eth0", 1));
    assertThatThrownBy(() -> ipvs.startSyncDaemon(SyncDaemon.master("eth0", 2)))
        .isInstanceOf(SyncDaemonAlreadyRunningException.class);
  }

  @Test
  void mixedFamilyDestinationsOnlyWhenTunnelling() {
    var svc = ipvs.service(web).create();
    assertThatThrownBy(() -> svc.destination("2001:db8::11", 80).masquerade().add())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("TUNNEL");
    svc.destination("2001:db8::11", 80).tunnel(Tunnel.gue(6080, TunnelChecksum.REMCSUM)).add();
    // switching to tunnel() keeps the GUE settings; the family rule still holds when leaving TUNNEL
    svc.destination("2001:db8::11", 80).tunnel().weight(2).update();
    assertThat(svc.destination("2001:db8::11", 80).find().get().spec().tunnel())
        .contains(Tunnel.gue(6080, TunnelChecksum.REMCSUM));
    assertThatThrownBy(() -> svc.destination("2001:db8::11", 80).directRoute().update())
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void batchesReportEachOutcomeInOrder() {
    List<IpvsCommand> batch =
        List.of(
            new IpvsCommand.AddService(VirtualService.of(web, RR)),
            new IpvsCommand.AddService(VirtualService.of(web, RR)),
            new IpvsCommand.AddDestination(web, Destination.of(rs1, 80)),
            new IpvsCommand.DeleteService(fwmark(4)));
    BatchResult r = ipvs.execute(batch);
    assertThat(r.outcomes()).extracting(BatchResult.Outcome::isSuccess).containsExactly(true, false, true, false);
    assertThat(r.failures().get(0).error().get()).isInstanceOf(ServiceAlreadyExistsException.class);
    assertThat(r.failures().get(1).error().get()).isInstanceOf(NoSuchServiceException.class);
    assertThatThrownBy(r::throwIfFailed)
        .isInstanceOf(ServiceAlreadyExistsException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasOnlyElementsOfType(NoSuchServiceException.class));
    assertThat(ipvs.destinations(web)).hasSize(1);
  }

  @Test
  void snapshotAndSimpleReads() {
    ipvs.service(fwmark6(5)).scheduler(MH).schedulerFlags(SchedulerFlag.FLAG_2).create();
    ipvs.service(web).create().destination(rs1, 80).add();
    ipvs.setTimeouts(Timeouts.unchanged().withUdp(Duration.ofSeconds(60)));
    IpvsTable t = ipvs.snapshot();
    assertThat(t.services()).extracting(ServiceConfig::key).containsExactly(web, fwmark6(5));
    assertThat(t.service(fwmark6(5)).get().service().schedulerFlags()).containsExactly(SchedulerFlag.MH_PORT);
    assertThat(t.timeouts()).contains(Timeouts.ofSeconds(900, 120, 60));
    assertThat(ipvs.servicesWithDestinations()).hasSize(2);
    assertThat(ipvs.info().version()).isEqualTo("1.2.1");
    ipvs.zero();
    ipvs.zero(web);
    ipvs.flush();
    assertThat(ipvs.services()).isEmpty();
  }

  @Test
  void portZeroOnlyWhenPersistent() {
    assertThatThrownBy(() -> ipvs.service(tcp("192.0.2.10", 0)).create())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("port: 0 (expected: 1-65535 (port 0 only for a persistent service)");
    ipvs.service(tcp("192.0.2.10", 0)).persistence(Persistence.DEFAULT_TIMEOUT).create();
  }

  @Test
  void closedClientsRefuse() {
    ipvs.close();
    assertThatThrownBy(ipvs::services).isInstanceOf(IpvsException.class);
  }
}
