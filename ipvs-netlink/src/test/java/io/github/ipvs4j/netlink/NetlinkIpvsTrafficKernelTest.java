package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.testkit.Ipvsadm;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Kernel tier: counters after real traffic. The test namespace is the director: a TCP service on the address of
 * its veth leg forwards (direct routing to a local address: the kernel delivers it locally) to a tiny Java
 * echo server there; a Java client in a second namespace, on the other end of the veth pair, connects to the
 * virtual address, so its packets reach IPVS on the director's input path as a remote client's would. Nothing
 * leaves the two namespaces.
 */
class NetlinkIpvsTrafficKernelTest {
  private static final int CONNECTIONS = 5;
  private static final int BYTES = 64 * 1024;

  @KernelTest
  void countersAfterTrafficMatchIpvsadm(TestNetns netns, Ipvsadm ipvsadm) throws Exception {
    try (TestNetns clientNetns = TestNetns.create()) {
      netns.exec("ip", "link", "add", "lbd0", "type", "veth", "peer", "name", "lbc0", "netns", clientNetns.name())
          .orThrow();
      netns.exec("ip", "addr", "add", "192.0.2.80/24", "dev", "lbd0").orThrow();
      netns.exec("ip", "link", "set", "lbd0", "up").orThrow();
      clientNetns.exec("ip", "addr", "add", "192.0.2.99/24", "dev", "lbc0").orThrow();
      clientNetns.exec("ip", "link", "set", "lbc0", "up").orThrow();
      clientNetns.exec("ip", "link", "set", "lo", "up").orThrow();
      countersAfterTraffic(netns, clientNetns, ipvsadm);
    }
  }

  private static void countersAfterTraffic(TestNetns netns, TestNetns clientNetns, Ipvsadm ipvsadm)
      throws Exception {
    InetAddress vip = TableGenerator.v4("192.0.2.80");
    ServiceKey key = ServiceKey.tcp(vip, 80);
    try (NetlinkIpvsClient client = NetlinkIpvsClientKernelTest.open(netns)) {
      client.createService(VirtualService.of(key, Scheduler.RR));
      client.createDestination(key, Destination.builder(vip, 80).forwarding(ForwardingMethod.DIRECT_ROUTE).build());

      FutureTask<Long> server = InNetns.start(netns.path(), () -> echo(vip));
      long sent = InNetns.call(clientNetns.path(), () -> send(vip));
      assertThat(server.get(60, TimeUnit.SECONDS)).isEqualTo(sent);
      ServiceStatus s = settledCounters(client, key);
      Stats st = s.stats();
      assertThat(st.connections()).isEqualTo(CONNECTIONS);
      assertThat(st.inPackets()).isGreaterThan(CONNECTIONS * 3L);
      assertThat(st.inBytes()).isGreaterThan(sent);
      DestinationStatus d = client.destinations(key).get(0);
      // 6.1 keeps the method as given and finds the local route when it transmits (ipvsadm shows "Route")
      assertThat(d.spec().forwarding()).isEqualTo(ForwardingMethod.DIRECT_ROUTE);
      assertThat(d.stats().connections()).isEqualTo(CONNECTIONS);
      assertThat(d.activeConnections() + d.inactiveConnections()).isLessThanOrEqualTo(CONNECTIONS);

      // ipvsadm -Ln --stats --exact: Conns InPkts OutPkts InBytes OutBytes, for the service and its destination
      String listing = ipvsadm.list("--stats", "--exact");
      assertThat(listing)
          .containsPattern(
              "TCP\\s+192\\.0\\.2\\.80:80\\s+"
                  + st.connections() + "\\s+" + st.inPackets() + "\\s+" + st.outPackets() + "\\s+" + st.inBytes()
                  + "\\s+" + st.outBytes() + "\\s*\\n");
      Stats ds = d.stats();
      assertThat(listing)
          .containsPattern(
              "->\\s+192\\.0\\.2\\.80:80\\s+"
                  + ds.connections() + "\\s+" + ds.inPackets() + "\\s+" + ds.outPackets() + "\\s+" + ds.inBytes()
                  + "\\s+" + ds.outBytes() + "\\s*\\n");

      client.zero(key);
      assertThat(client.getService(key).stats().connections()).isZero();
      assertThat(client.destinations(key).get(0).stats().inBytes()).isZero();
    }
  }

  /**
   * The service once its counters have settled. The kernel sums its per-CPU counters into what a read returns only
   * when the rate estimator runs (every 2 s), so a read right after the traffic may still show zero: read until two
   * reads one estimator period apart agree and count every connection, for at most 30 s.
   */
  private static ServiceStatus settledCounters(NetlinkIpvsClient client, ServiceKey key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    ServiceStatus previous = client.getService(key);
    while (true) {
      Thread.sleep(2_100);
      ServiceStatus now = client.getService(key);
      boolean settled = now.stats().connections() == CONNECTIONS
          && now.stats().inPackets() == previous.stats().inPackets()
          && now.stats().outPackets() == previous.stats().outPackets();
      if (settled || System.nanoTime() > deadline) {
        return now;
      }
      previous = now;
    }
  }

  /** Accepts {@link #CONNECTIONS} connections and echoes what each sends; returns the bytes echoed. */
  private static long echo(InetAddress vip) throws Exception {
    long total = 0;
    try (ServerSocket ss = new ServerSocket()) {
      ss.bind(new InetSocketAddress(vip, 80));
      ss.setSoTimeout(60_000);
      for (int i = 0; i < CONNECTIONS; i++) {
        try (Socket s = ss.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          byte[] buf = new byte[8192];
          int n;
          while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            total += n;
          }
        }
      }
    }
    return total;
  }

  /** Opens {@link #CONNECTIONS} connections to the virtual address, sends and reads back; returns bytes sent. */
  private static long send(InetAddress vip) throws Exception {
    long total = 0;
    byte[] data = new byte[BYTES];
    for (int i = 0; i < CONNECTIONS; i++) {
      // the server may not listen yet: retry the first connection for a while
      Socket s = null;
      for (int attempt = 0; s == null; attempt++) {
        try {
          s = new Socket();
          s.connect(new InetSocketAddress(vip, 80), 10_000);
        } catch (java.io.IOException e) {
          s.close();
          s = null;
          if (attempt > 50) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
      try (Socket c = s) {
        c.setSoTimeout(30_000);
        OutputStream out = c.getOutputStream();
        InputStream in = c.getInputStream();
        out.write(data);
        c.shutdownOutput();
        long back = 0;
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
          back += n;
        }
        assertThat(back).isEqualTo(BYTES);
        total += BYTES;
      }
    }
    return total;
  }
}
