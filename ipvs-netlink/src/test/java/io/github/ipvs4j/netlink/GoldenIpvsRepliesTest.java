package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.netlink.codec.Hex;
import io.github.ipvs4j.netlink.codec.NativeOrder;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.ipvs.IpvsReplies;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host tier: the IPVS replies that {@link GoldenCaptureKernelTest} captured from the real kernel for {@link
 * GoldenTable} ({@code src/test/resources/golden/ipvs-*.hex}) decode to the table's model, attribute for attribute.
 */
class GoldenIpvsRepliesTest {
  @BeforeEach
  void littleEndianHost() {
    assumeTrue(NativeOrder.LITTLE_ENDIAN, "captured on a little-endian host");
  }

  private static List<NetlinkMessage> messages(String file) {
    return NetlinkMessages.decodeAll(Hex.wrap(Hex.golden(file)));
  }

  @Test
  void serviceDumpDecodesToTheTable() {
    List<NetlinkMessage> dump = messages("ipvs-get-service-dump.hex");
    assertThat(dump).allSatisfy(m -> assertThat(m.genlHeader().cmd()).isEqualTo(IpvsUapi.Cmd.NEW_SERVICE));
    List<ServiceStatus> services = dump.stream().map(IpvsReplies::service).collect(Collectors.toList());
    assertThat(services).extracting(ServiceStatus::spec).containsExactlyInAnyOrderElementsOf(GoldenTable.SERVICES);
    assertThat(services).allSatisfy(s -> assertThat(s.stats().connections()).isZero());
  }

  @Test
  void destinationDumpDecodesEveryTunnelAndThreshold() {
    List<DestinationStatus> dests =
        messages("ipvs-get-dest-dump.hex").stream()
            .map(m -> IpvsReplies.destination(m, GoldenTable.WEB.family()))
            .collect(Collectors.toList());
    assertThat(dests).containsExactlyInAnyOrderElementsOf(GoldenTable.WEB_DESTINATIONS);
  }

  @Test
  void dumpsDecodeInPlaceAsFromCopies() {
    List<DestinationStatus> inPlace = new ArrayList<>();
    NetlinkMessages.forEachInPlace(
        Hex.wrap(Hex.golden("ipvs-get-dest-dump.hex")),
        null,
        m -> inPlace.add(IpvsReplies.destination(m, GoldenTable.WEB.family())));
    assertThat(inPlace).containsExactlyInAnyOrderElementsOf(GoldenTable.WEB_DESTINATIONS);
    List<ServiceStatus> services = new ArrayList<>();
    NetlinkMessages.forEachInPlace(
        Hex.wrap(Hex.golden("ipvs-get-service-dump.hex")), null, m -> services.add(IpvsReplies.service(m)));
    assertThat(services)
        .containsExactlyElementsOf(
            messages("ipvs-get-service-dump.hex").stream().map(IpvsReplies::service).collect(Collectors.toList()));
  }

  /** What a snapshot decodes (specifications, counters stepped over) is the status decoders' specifications. */
  @Test
  void specificationReadsMatchTheStatusReads() {
    for (NetlinkMessage m : messages("ipvs-get-service-dump.hex")) {
      assertThat(IpvsReplies.serviceSpec(m)).isEqualTo(IpvsReplies.service(m).spec());
    }
    List<NetlinkMessage> dests = messages("ipvs-get-dest-dump.hex");
    assertThat(dests).isNotEmpty();
    for (NetlinkMessage m : dests) {
      assertThat(IpvsReplies.destinationSpec(m, GoldenTable.WEB.family()))
          .isEqualTo(IpvsReplies.destination(m, GoldenTable.WEB.family()).spec());
    }
    assertThat(IpvsReplies.serviceSpec(messages("ipvs-get-service-fwmark6.hex").get(0)))
        .isEqualTo(GoldenTable.FWM6_SPEC);
  }

  @Test
  void oneFwmarkServiceOfTheIpv6Family() {
    List<NetlinkMessage> reply = messages("ipvs-get-service-fwmark6.hex");
    assertThat(reply).hasSize(1);
    assertThat(IpvsReplies.service(reply.get(0)).spec()).isEqualTo(GoldenTable.FWM6_SPEC);
  }

  @Test
  void configAndInfo() {
    Timeouts t = IpvsReplies.timeouts(messages("ipvs-get-config.hex").get(0));
    assertThat(List.of(t.tcp(), t.tcpFin(), t.udp()))
        .containsExactly(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300));
    IpvsInfo info = IpvsReplies.info(messages("ipvs-get-info.hex").get(0));
    assertThat(info.version()).isEqualTo("1.2.1");
    assertThat(info.connectionTableSize()).isEqualTo(4096L);
  }

  @Test
  void daemonDumpHasTheMasterAndTheBackup() {
    List<SyncDaemon> daemons =
        messages("ipvs-get-daemon-dump.hex").stream().map(IpvsReplies::daemon).collect(Collectors.toList());
    assertThat(daemons).hasSize(2).contains(GoldenTable.MASTER);
    assertThat(daemons)
        .filteredOn(d -> d.state() == SyncState.BACKUP)
        .singleElement()
        .satisfies(d -> {
          assertThat(d.syncId()).isEqualTo(10);
          assertThat(d.interfaceName()).isEqualTo("sync0");
        });
  }
}
