package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationAlreadyExistsException;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.InvalidArgumentException;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.NoSuchDestinationException;
import io.github.ipvs4j.NoSuchServiceException;
import io.github.ipvs4j.NoSuchSyncDaemonException;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerOrEngineNotFoundException;
import io.github.ipvs4j.ServiceAlreadyExistsException;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncDaemonAlreadyRunningException;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.Cmd;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DestAttr;
import io.github.ipvs4j.netlink.ipvs.ServiceCodec;
import io.github.ipvs4j.testkit.Ipvsadm;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Kernel tier: {@link NetlinkIpvsClient} against the real kernel, with the real ipvsadm as the oracle. Each test has
 * its own fresh network namespace, and the client is opened in it by path or by name.
 */
class NetlinkIpvsClientKernelTest {
  static final long SEED = 20261121L;

  static NetlinkIpvsClient open(TestNetns netns) {
    return NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespacePath(netns.path()));
  }

  static List<IpvsCommand> commands(List<ServiceConfig> table) {
    List<IpvsCommand> out = new ArrayList<>();
    for (ServiceConfig c : table) {
      out.add(new IpvsCommand.AddService(c.service()));
      for (Destination d : c.destinations()) {
        out.add(new IpvsCommand.AddDestination(c.key(), d));
      }
    }
    return out;
  }

  static Map<ServiceKey, ServiceConfig> byKey(List<ServiceConfig> table) {
    Map<ServiceKey, ServiceConfig> out = new TreeMap<>(ServiceKey.ORDER);
    table.forEach(c -> out.put(c.key(), c));
    return out;
  }

  static void restore(TestNetns netns, String text) {
    try {
      Path file = Files.createTempFile("ipvs4j-restore", ".txt");
      try {
        Files.writeString(file, text);
        netns.exec("sh", "-c", "ipvsadm -R < " + file).orThrow();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @KernelTest
  void whatTheClientCreatesIpvsadmSaves(TestNetns netns, Ipvsadm ipvsadm) {
    List<ServiceConfig> table = new TableGenerator(SEED).services(30, 4);
    try (NetlinkIpvsClient client = open(netns)) {
      BatchResult result = client.execute(commands(table));
      result.throwIfFailed();
    }
    assertThat(SaveText.blocks(ipvsadm.save())).isEqualTo(SaveText.blocks(SaveText.render(table)));
  }

  @KernelTest
  void whatIpvsadmRestoresTheClientReads(TestNetns netns, Ipvsadm ipvsadm) {
    List<ServiceConfig> table = new TableGenerator(SEED + 1).services(30, 4);
    restore(netns, SaveText.restoreInput(table));
    try (NetlinkIpvsClient client = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespace(netns.name()))) {
      Map<ServiceKey, ServiceConfig> read =
          byKey(client.snapshot().services());
      assertThat(read).isEqualTo(byKey(table));
      for (ServiceConfig c : table) {
        assertThat(client.findService(c.key()).orElseThrow().spec()).isEqualTo(c.service());
      }
    }
  }

  @KernelTest
  void updatesChangeOnlyWhatWasAsked(TestNetns netns, Ipvsadm ipvsadm) {
    ServiceKey web = ServiceKey.tcp("192.0.2.10", 80);
    ServiceKey dns6 = ServiceKey.udp("2001:db8::53", 53);
    restore(
        netns,
        "-A -t 192.0.2.10:80 -s sh -p 600 -M 255.255.255.0 -b sh-fallback,sh-port\n"
            + "-a -t 192.0.2.10:80 -r 198.51.100.1:80 -i -w 3 --tun-type gue --tun-port 6080 --tun-remcsum -x 50 -y 10\n"
            + "-a -t 192.0.2.10:80 -r 198.51.100.2:8080 -m -w 2\n"
            + "-A -u [2001:db8::53]:53 -s rr -p 300 -M 64 --pe sip -o\n"
            + "-a -u [2001:db8::53]:53 -r [2001:db8::1]:53 -m -w 1\n");
    String before = ipvsadm.save();
    try (NetlinkIpvsClient client = open(netns)) {
      client.updateService(web, s -> s.withScheduler(Scheduler.SH).withPersistence(Duration.ofSeconds(900)));
      client.updateDestination(web, TableGenerator.v4("198.51.100.1"), 80, d -> d.withWeight(7));
      client.service(dns6).scheduler(Scheduler.WRR).update();

      String after = ipvsadm.save();
      String expected =
          before
              .replace("-s sh -p 600 -M", "-s sh -p 900 -M")
              .replace("-r 198.51.100.1:80 -i -w 3", "-r 198.51.100.1:80 -i -w 7")
              .replace("-A -u [2001:db8::53]:53 -s rr", "-A -u [2001:db8::53]:53 -s wrr");
      assertThat(SaveText.blocks(after)).isEqualTo(SaveText.blocks(expected));
      assertThat(before).isNotEqualTo(after);
      DestinationStatus tunnel = client.findDestination(web, TableGenerator.v4("198.51.100.1"), 80).orElseThrow();
      assertThat(tunnel.spec().upperThreshold()).isEqualTo(50);
      assertThat(tunnel.spec().lowerThreshold()).isEqualTo(10);
      assertThat(tunnel.spec().tunnel()).contains(Tunnel.gue(6080, TunnelChecksum.REMCSUM));
      assertThat(client.getService(dns6).spec().persistenceEngine()).contains("sip");
    }
  }

  @KernelTest
  void deleteEditZeroAndFlush(TestNetns netns, Ipvsadm ipvsadm) {
    ServiceKey a = ServiceKey.tcp("192.0.2.1", 80);
    ServiceKey b = ServiceKey.fwmark6(7);
    try (NetlinkIpvsClient client = open(netns)) {
      client.createService(VirtualService.of(a, Scheduler.RR));
      client.createService(VirtualService.of(b, Scheduler.WLC).withOnePacket(true));
      Destination d = Destination.builder("198.51.100.7", 8080).forwarding(ForwardingMethod.MASQUERADE).build();
      client.createDestination(a, d);
      client.createDestination(b, Destination.builder("2001:db8::7", 0).forwarding(ForwardingMethod.MASQUERADE).build());
      client.updateDestination(a, d.withWeight(0).withThresholds(5, 9));
      assertThat(ipvsadm.save()).contains("-a -t 192.0.2.1:80 -r 198.51.100.7:8080 -m -w 0");
      assertThat(ipvsadm.list("--thresholds")).containsPattern("198\\.51\\.100\\.7:8080\\s+9\\s+5\\s");
      client.removeDestination(a, d.address(), d.port());
      assertThat(client.destinations(a)).isEmpty();
      assertThat(client.removeDestinationIfPresent(a, d.address(), d.port())).isFalse();
      client.zero(a);
      client.zero();
      client.removeService(a);
      assertThat(client.findService(a)).isEmpty();
      assertThat(ipvsadm.save()).isEqualTo("-A -f 7 -6 -s wlc -o\n-a -f 7 -6 -r [2001:db8::7]:0 -m -w 1\n");
      client.flush();
      assertThat(client.services()).isEmpty();
      assertThat(ipvsadm.save()).isEmpty();
    }
  }

  @KernelTest
  void timeoutsInfoAndSyncDaemons(TestNetns netns, Ipvsadm ipvsadm) {
    netns.exec("ip", "link", "add", "sync0", "type", "dummy").orThrow();
    netns.exec("ip", "link", "set", "sync0", "multicast", "on", "up").orThrow();
    netns.exec("ip", "addr", "add", "192.0.2.250/24", "dev", "sync0").orThrow();
    try (NetlinkIpvsClient client = open(netns)) {
      Timeouts initial = client.timeouts();
      assertThat(ipvsadm.list("--timeout").trim())
          .isEqualTo(
              "Timeout (tcp tcpfin udp): "
                  + initial.tcp().toSeconds()
                  + " "
                  + initial.tcpFin().toSeconds()
                  + " "
                  + initial.udp().toSeconds());
      client.setTimeouts(Timeouts.ofSeconds(901, 0, 301));
      assertThat(client.timeouts()).isEqualTo(Timeouts.ofSeconds(901, initial.tcpFin().toSeconds(), 301));
      assertThat(ipvsadm.list("--timeout")).contains("Timeout (tcp tcpfin udp): 901 " + initial.tcpFin().toSeconds() + " 301");

      assertThat(client.info().version()).isEqualTo("1.2.1");
      assertThat(ipvsadm.list()).startsWith(client.info().toString());

      assertThat(client.syncDaemons()).isEmpty();
      SyncDaemon master =
          SyncDaemon.builder(SyncState.MASTER, "sync0").syncId(9).maxLength(1400).group("239.0.0.81").port(8849).ttl(3).build();
      client.startSyncDaemon(master);
      client.startSyncDaemon(SyncDaemon.backup("sync0", 10));
      List<SyncDaemon> daemons = client.syncDaemons();
      assertThat(daemons).hasSize(2);
      assertThat(daemons.get(0)).isEqualTo(master);
      assertThat(daemons.get(1).state()).isEqualTo(SyncState.BACKUP);
      assertThat(daemons.get(1).syncId()).isEqualTo(10);
      assertThat(ipvsadm.list("--daemon"))
          .contains("master sync daemon (mcast=sync0, syncid=9, maxlen=1400, group=239.0.0.81, port=8849, ttl=3)");
      assertThatThrownBy(() -> client.startSyncDaemon(master)).isInstanceOf(SyncDaemonAlreadyRunningException.class);
      client.stopSyncDaemon(SyncState.MASTER);
      assertThat(client.stopSyncDaemonIfRunning(SyncState.MASTER)).isFalse();
      assertThatThrownBy(() -> client.stopSyncDaemon(SyncState.MASTER)).isInstanceOf(NoSuchSyncDaemonException.class);
      client.stopSyncDaemon(SyncState.BACKUP);
      assertThat(client.syncDaemons()).isEmpty();
    }
  }

  // ---- errno cases: each is a typed exception, and the table is unchanged after the refusal ----

  @KernelTest
  void kernelRefusalsAreTypedAndChangeNothing(TestNetns netns, Ipvsadm ipvsadm) {
    ServiceKey key = ServiceKey.tcp("192.0.2.20", 80);
    ServiceKey missing = ServiceKey.tcp("192.0.2.21", 80);
    Destination dest = Destination.builder("198.51.100.20", 80).build();
    try (NetlinkIpvsClient client = open(netns)) {
      client.createService(VirtualService.of(key, Scheduler.RR));
      client.createDestination(key, dest);
      String saved = ipvsadm.save();
      Object table = client.snapshot();

      assertRefused(table, client, ServiceAlreadyExistsException.class, IpvsOperation.ADD_SERVICE,
          () -> client.createService(VirtualService.of(key, Scheduler.WRR)));
      assertRefused(table, client, NoSuchServiceException.class, IpvsOperation.EDIT_SERVICE,
          () -> client.updateService(VirtualService.of(missing, Scheduler.WRR)));
      assertRefused(table, client, NoSuchServiceException.class, IpvsOperation.DEL_SERVICE,
          () -> client.removeService(missing));
      assertRefused(table, client, NoSuchServiceException.class, IpvsOperation.ADD_DEST,
          () -> client.createDestination(missing, dest));
      assertRefused(table, client, NoSuchServiceException.class, IpvsOperation.GET_DESTS,
          () -> client.destinations(missing));
      assertRefused(table, client, DestinationAlreadyExistsException.class, IpvsOperation.ADD_DEST,
          () -> client.createDestination(key, dest.withWeight(5)));
      assertRefused(table, client, NoSuchDestinationException.class, IpvsOperation.EDIT_DEST,
          () -> client.updateDestination(key, Destination.builder("198.51.100.99", 80).build()));
      assertRefused(table, client, NoSuchDestinationException.class, IpvsOperation.DEL_DEST,
          () -> client.removeDestination(key, TableGenerator.v4("198.51.100.99"), 80));
      assertRefused(table, client, SchedulerOrEngineNotFoundException.class, IpvsOperation.ADD_SERVICE,
          () -> client.createService(VirtualService.of(missing, Scheduler.of("nosuchsched"))));
      assertRefused(table, client, SchedulerOrEngineNotFoundException.class, IpvsOperation.EDIT_SERVICE,
          () -> client.updateService(VirtualService.of(key, Scheduler.of("nosuchsched"))));
      assertRefused(table, client, SchedulerOrEngineNotFoundException.class, IpvsOperation.ADD_SERVICE,
          () -> client.createService(
              VirtualService.of(missing, Scheduler.RR).withPersistence(Persistence.ofSeconds(60)).withPersistenceEngine("nosuchpe")));
      assertThat(client.findService(missing)).isEmpty();

      // What the model refuses before sending, sent raw to see the kernel's own answer.
      InetAddress v6 = TableGenerator.v6("2001:db8::20");
      assertRefused(table, client, InvalidArgumentException.class, IpvsOperation.ADD_DEST,
          () -> rawDest(client, key, d -> {
            d.bytes(DestAttr.ADDR, v6.getAddress());
            d.be16(DestAttr.PORT, 80);
            d.u16(DestAttr.ADDR_FAMILY, 10);
            d.u32(DestAttr.FWD_METHOD, 0); // masquerade to another family: EINVAL
            d.u32(DestAttr.WEIGHT, 1);
            d.u32(DestAttr.U_THRESH, 0);
            d.u32(DestAttr.L_THRESH, 0);
          }));
      assertRefused(table, client, InvalidArgumentException.class, IpvsOperation.ADD_DEST,
          () -> rawDest(client, key, d -> {
            d.bytes(DestAttr.ADDR, java.util.Arrays.copyOf(TableGenerator.v4("198.51.100.30").getAddress(), 16));
            d.be16(DestAttr.PORT, 80);
            d.u32(DestAttr.FWD_METHOD, 2);
            d.u32(DestAttr.WEIGHT, 1);
            d.u32(DestAttr.U_THRESH, 0);
            d.u32(DestAttr.L_THRESH, 0);
            d.u8(DestAttr.TUN_TYPE, 1); // GUE without a port: EINVAL
          }));
      IpvsException range =
          assertRefused(table, client, InvalidArgumentException.class, IpvsOperation.ADD_DEST,
              () -> rawDest(client, key, d -> {
                d.bytes(DestAttr.ADDR, java.util.Arrays.copyOf(TableGenerator.v4("198.51.100.31").getAddress(), 16));
                d.be16(DestAttr.PORT, 80);
                d.u32(DestAttr.FWD_METHOD, 0);
                d.u32(DestAttr.WEIGHT, 1);
                d.u32(DestAttr.U_THRESH, 5);
                d.u32(DestAttr.L_THRESH, 10); // lower above upper: ERANGE
              }));
      assertThat(range.errno()).hasValue(34);
      assertThat(ipvsadm.save()).isEqualTo(saved);
    }
  }

  @KernelTest
  void aBatchReportsEachOutcome(TestNetns netns, Ipvsadm ipvsadm) {
    ServiceKey key = ServiceKey.udp("192.0.2.40", 53);
    try (NetlinkIpvsClient client = open(netns)) {
      BatchResult r =
          client.execute(
              List.of(
                  new IpvsCommand.AddService(VirtualService.of(key, Scheduler.RR)),
                  new IpvsCommand.AddService(VirtualService.of(key, Scheduler.RR)),
                  new IpvsCommand.AddDestination(key, Destination.builder("198.51.100.40", 53).build()),
                  new IpvsCommand.DeleteService(ServiceKey.udp("192.0.2.41", 53)),
                  new IpvsCommand.AddService(VirtualService.of(ServiceKey.udp("192.0.2.42", 53), Scheduler.of("nope")))));
      assertThat(r.outcomes()).extracting(BatchResult.Outcome::isSuccess).containsExactly(true, false, true, false, false);
      assertThat(r.outcomes().get(1).error()).containsInstanceOf(ServiceAlreadyExistsException.class);
      assertThat(r.outcomes().get(3).error()).containsInstanceOf(NoSuchServiceException.class);
      assertThat(r.outcomes().get(4).error()).containsInstanceOf(SchedulerOrEngineNotFoundException.class);
      assertThat(ipvsadm.save()).isEqualTo("-A -u 192.0.2.40:53 -s rr\n-a -u 192.0.2.40:53 -r 198.51.100.40:53 -g -w 1\n");
      List<ServiceDetails> all = client.servicesWithDestinations();
      assertThat(all).hasSize(1);
      assertThat(all.get(0).destinations()).hasSize(1);
    }
  }

  @KernelTest
  void aClosedClientThrows(TestNetns netns) {
    NetlinkIpvsClient client = open(netns);
    client.close();
    client.close();
    assertThatThrownBy(client::services).isInstanceOf(IpvsException.class).hasMessageContaining("closed");
  }

  private static void rawDest(NetlinkIpvsClient client, ServiceKey key, Consumer<AttributeEncoder> dest) {
    client.request(
        IpvsOperation.ADD_DEST,
        key.toString(),
        client
            .requests()
            .genl(
                Cmd.NEW_DEST,
                e -> {
                  e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(key, n));
                  e.nested(CmdAttr.DEST, dest);
                }));
  }

  private static IpvsException assertRefused(
      Object table, NetlinkIpvsClient client, Class<? extends IpvsException> type, IpvsOperation op, Runnable call) {
    IpvsException e = null;
    try {
      call.run();
    } catch (IpvsException thrown) {
      e = thrown;
    }
    assertThat(e).as("expected %s from %s", type.getSimpleName(), op).isInstanceOf(type);
    assertThat(e.operation()).isEqualTo(op);
    assertThat(client.snapshot()).as("table after a refused %s", op).isEqualTo(table);
    return e;
  }
}
