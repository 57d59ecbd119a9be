package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.ipvs.IpvsReplies;
import io.github.ipvs4j.netlink.ipvs.IpvsRequests;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi;
import io.github.ipvs4j.netlink.transport.GenericNetlink;
import io.github.ipvs4j.netlink.transport.NetlinkConnection;
import io.github.ipvs4j.netlink.transport.NetlinkOptions;
import io.github.ipvs4j.netlink.transport.NetworkNamespace;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kernel tier: captures the raw kernel replies for {@link GoldenTable} into {@code target/golden-capture} (copied by
 * hand into {@code src/test/resources/golden} as {@code ipvs-*.hex}), and checks they decode to the expected model.
 */
class GoldenCaptureKernelTest {
  static final Path OUT = Path.of("target/golden-capture");

  @KernelTest
  void captureRepliesForTheGoldenTable(TestNetns netns) throws Exception {
    netns.exec("ip", "link", "add", "sync0", "type", "dummy").orThrow();
    netns.exec("ip", "link", "set", "sync0", "multicast", "on", "up").orThrow();
    netns.exec("ip", "addr", "add", "192.0.2.250/24", "dev", "sync0").orThrow();
    NetlinkIpvsClientKernelTest.restore(netns, GoldenTable.RESTORE);
    Files.createDirectories(OUT);
    NetlinkOptions options = NetlinkOptions.defaults().withNetworkNamespace(NetworkNamespace.of(netns.path()));
    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_GENERIC, options)) {
      GenlFamily family = GenericNetlink.resolveFamily(c, IpvsUapi.GENL_NAME).orElseThrow();
      IpvsRequests r = new IpvsRequests(family.id());

      List<NetlinkMessage> services = c.dump(r.getServices());
      write("ipvs-get-service-dump.hex", "IPVS_CMD_GET_SERVICE dump of GoldenTable (4 services, NLMSG_DONE left out)", services);
      assertThat(services.stream().map(m -> IpvsReplies.service(m).spec()).collect(Collectors.toList()))
          .containsExactlyInAnyOrderElementsOf(GoldenTable.SERVICES);

      List<NetlinkMessage> dests = c.dump(r.getDestinations(GoldenTable.WEB));
      write("ipvs-get-dest-dump.hex", "IPVS_CMD_GET_DEST dump of TCP 192.0.2.10:80 (NLMSG_DONE left out)", dests);
      List<DestinationStatus> decoded =
          dests.stream().map(m -> IpvsReplies.destination(m, GoldenTable.WEB.family())).collect(Collectors.toList());
      assertThat(decoded).containsExactlyInAnyOrderElementsOf(GoldenTable.WEB_DESTINATIONS);

      List<NetlinkMessage> one = c.request(r.getService(GoldenTable.FWM6));
      write("ipvs-get-service-fwmark6.hex", "IPVS_CMD_GET_SERVICE (doit) reply for FWM 4000000000 IPv6", one);
      ServiceStatus fwm = IpvsReplies.service(one.get(0));
      assertThat(fwm.spec()).isEqualTo(GoldenTable.FWM6_SPEC);

      List<NetlinkMessage> config = c.request(r.getConfig());
      write("ipvs-get-config.hex", "IPVS_CMD_GET_CONFIG reply (defaults 900 120 300)", config);
      assertThat(IpvsReplies.timeouts(config.get(0)).tcp().toSeconds()).isEqualTo(900);

      List<NetlinkMessage> info = c.request(r.getInfo());
      write("ipvs-get-info.hex", "IPVS_CMD_GET_INFO reply", info);
      assertThat(IpvsReplies.info(info.get(0)).version()).isEqualTo("1.2.1");

      // The kernel refuses to start a sync daemon while a mixed-family destination exists (EINVAL).
      try (NetlinkIpvsClient client = NetlinkIpvsClientKernelTest.open(netns)) {
        Destination mixed = GoldenTable.WEB_DESTINATIONS.get(2).spec();
        client.removeDestination(GoldenTable.WEB, mixed.address(), mixed.port());
        client.startSyncDaemon(GoldenTable.MASTER);
        client.startSyncDaemon(SyncDaemon.backup("sync0", 10));
      }
      List<NetlinkMessage> daemons = c.dump(r.getDaemons());
      write("ipvs-get-daemon-dump.hex", "IPVS_CMD_GET_DAEMON dump: the master of GoldenTable.MASTER and a default backup", daemons);
      List<SyncDaemon> ds = daemons.stream().map(IpvsReplies::daemon).collect(Collectors.toList());
      assertThat(ds).contains(GoldenTable.MASTER);
      assertThat(ds).anyMatch(d -> d.state() == SyncState.BACKUP && d.syncId() == 10);
    }
  }

  private static void write(String name, String what, List<NetlinkMessage> messages) throws Exception {
    ByteBuf buf = Unpooled.buffer();
    for (NetlinkMessage m : messages) {
      m.header().write(buf);
      buf.writeBytes(m.copyPayload());
      buf.writeZero(Netlink.nlmsgAlign(buf.writerIndex()) - buf.writerIndex());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(what).append('\n');
    sb.append("# Captured from Linux ").append(System.getProperty("os.version"))
        .append(" (x86_64, little-endian) in a fresh network namespace; port ids and seqs as received.\n");
    String hex = ByteBufUtil.hexDump(buf);
    for (int i = 0; i < hex.length(); i += 32) {
      sb.append(hex, i, Math.min(hex.length(), i + 32)).append('\n');
    }
    Files.writeString(OUT.resolve(name), sb.toString());
  }

}
