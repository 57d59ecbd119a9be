package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.Ipvs;
import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.testkit.Ipvsadm;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Kernel tier: clients opened in network namespaces see only their namespace, from many threads at once. */
class NetlinkIpvsNamespaceKernelTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 12;

  @KernelTest
  void aClientInANamespaceSeesOnlyThatNamespace(TestNetns a, Ipvsadm ipvsadmA) {
    try (TestNetns b = TestNetns.create();
        IpvsClient inA = Ipvs.open(IpvsOptions.defaults().withNetworkNamespace(a.name()));
        NetlinkIpvsClient inB = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespacePath(b.path()))) {
      ServiceKey key = ServiceKey.tcp("192.0.2.1", 80);
      inA.createService(VirtualService.of(key, Scheduler.RR));
      assertThat(inB.services()).isEmpty();
      assertThat(inB.findService(key)).isEmpty();
      assertThat(ipvsadmA.save()).isEqualTo("-A -t 192.0.2.1:80 -s rr\n");
      assertThat(Ipvsadm.in(b).save()).isEmpty();
      assertThat(Ipvsadm.inCurrentNamespace().save()).doesNotContain("192.0.2.1:80");
      assertThat(inA).isInstanceOf(NetlinkIpvsClient.class); // found by the service loader
    }
  }

  @KernelTest
  void aMissingNamespaceIsReported() {
    Path missing = Path.of("/run/netns/ipvs4j-does-not-exist");
    IpvsException e = null;
    try (NetlinkIpvsClient c = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespacePath(missing))) {
      c.services();
    } catch (IpvsException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(missing.toString());
    assertThat(e.errno()).hasValue(2);
  }

  @KernelTest
  void twoNamespacesFromManyThreads(TestNetns a) throws Exception {
    try (TestNetns b = TestNetns.create();
        NetlinkIpvsClient inA = NetlinkIpvsClientKernelTest.open(a);
        NetlinkIpvsClient inB = NetlinkIpvsClientKernelTest.open(b)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          NetlinkIpvsClient client = t % 2 == 0 ? inA : inB;
          futures.add(pool.submit(() -> work(client, thread)));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(ports(inA.services())).isEqualTo(expected(0));
      assertThat(ports(inB.services())).isEqualTo(expected(1));
    }
  }

  /** Creates services and destinations and checks that every reply answers this thread's own request. */
  private static Void work(NetlinkIpvsClient client, int thread) {
    for (int i = 0; i < PER_THREAD; i++) {
      int port = 1000 * (thread + 1) + i;
      ServiceKey key = ServiceKey.udp("192.0.2.9", port);
      client.createService(VirtualService.of(key, Scheduler.WRR));
      client.createDestination(key, Destination.builder("198.51.100.9", port).weight(port).build());
      ServiceStatus s = client.getService(key);
      assertThat(s.key()).isEqualTo(key);
      List<DestinationStatus> d = client.destinations(key);
      assertThat(d).hasSize(1);
      assertThat(d.get(0).spec().weight()).isEqualTo(port);
      assertThat(client.timeouts().tcp().toSeconds()).isPositive();
    }
    return null;
  }

  private static Set<Integer> ports(List<ServiceStatus> services) {
    return services.stream().map(s -> ((ServiceKey.Inet) s.key()).port()).collect(Collectors.toSet());
  }

  private static Set<Integer> expected(int parity) {
    Set<Integer> out = new java.util.HashSet<>();
    for (int t = parity; t < THREADS; t += 2) {
      for (int i = 0; i < PER_THREAD; i++) {
        out.add(1000 * (t + 1) + i);
      }
    }
    return out;
  }
}
