package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.textformat.ListingPrinter.Columns;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outputs captured from the real ipvsadm 1.31 (Debian 12) on kernel 6.1 for one table that exercises every service
 * and destination attribute, including ipvsadm's sort quirks (fwmarks from 2^31 first and negative, a tunnelling
 * service with IPv4 and IPv6 destinations whose order depends on the kernel's). The commands that built it are
 * {@code golden/commands.txt}; each other file is one ipvsadm output.
 */
class GoldenTest {
  private static IpvsTable table;
  private static List<ServiceDetails> kernelOrder;
  private static final IpvsInfo INFO = new IpvsInfo(0x010201, 4096);

  static String resource(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeAll
  static void build() throws IOException {
    table = SaveParser.create().parseTable(resource("commands.txt"));
    kernelOrder = KernelOrder.fromNosortListing(resource("list-nosort.txt"), ListingPrinter.withZeroCounters(table));
  }

  @Test
  void saveNumeric() throws IOException {
    assertThat(SavePrinter.numeric().print(kernelOrder)).isEqualTo(resource("save-numeric.txt"));
  }

  @Test
  void saveWithNames() throws IOException {
    HostResolver hosts = HostResolver.of(Map.of("localhost", InetAddress.getLoopbackAddress()));
    assertThat(SavePrinter.withNames(ServiceNames.builtIn(), hosts).print(kernelOrder))
        .isEqualTo(resource("save-names.txt"));
  }

  @Test
  void saveFromTheTableDiffersOnlyWhereIpvsadmsOrderIsTheKernels() throws IOException {
    String fromTable = SavePrinter.numeric().print(table);
    assertThat(fromTable.lines().sorted()).containsExactlyElementsOf(
        resource("save-numeric.txt").lines().sorted().toList());
  }

  @Test
  void listings() throws IOException {
    ListingPrinter n = ListingPrinter.numeric();
    assertThat(n.list(INFO, kernelOrder)).isEqualTo(resource("list.txt"));
    assertThat(n.exact(true).list(INFO, kernelOrder)).isEqualTo(resource("list-exact.txt"));
    assertThat(n.columns(Columns.STATS).list(INFO, kernelOrder)).isEqualTo(resource("list-stats.txt"));
    assertThat(n.columns(Columns.STATS).exact(true).list(INFO, kernelOrder))
        .isEqualTo(resource("list-stats-exact.txt"));
    assertThat(n.columns(Columns.RATE).list(INFO, kernelOrder)).isEqualTo(resource("list-rate.txt"));
    assertThat(n.columns(Columns.RATE).exact(true).list(INFO, kernelOrder))
        .isEqualTo(resource("list-rate-exact.txt"));
    assertThat(n.columns(Columns.THRESHOLDS).list(INFO, kernelOrder)).isEqualTo(resource("list-thresholds.txt"));
    assertThat(n.columns(Columns.PERSISTENT_CONN).list(INFO, kernelOrder))
        .isEqualTo(resource("list-persistent-conn.txt"));
    assertThat(n.columns(Columns.TUN_INFO).list(INFO, kernelOrder)).isEqualTo(resource("list-tun-info.txt"));
    assertThat(n.sorted(false).list(INFO, kernelOrder)).isEqualTo(resource("list-nosort.txt"));
    // several options: ipvsadm's precedence is stats > rate > thresholds > persistent-conn > tun-info
    assertThat(n.columns(Columns.STATS).list(INFO, kernelOrder)).isEqualTo(resource("list-stats-rate.txt"));
    assertThat(n.columns(Columns.THRESHOLDS).list(INFO, kernelOrder))
        .isEqualTo(resource("list-thresholds-tun-info.txt"));
    assertThat(n.columns(Columns.PERSISTENT_CONN).list(INFO, kernelOrder))
        .isEqualTo(resource("list-persistent-tun-info.txt"));
  }

  @Test
  void listingWithNames() throws IOException {
    HostResolver hosts = HostResolver.of(Map.of("localhost", InetAddress.getLoopbackAddress()));
    assertThat(ListingPrinter.withNames(ServiceNames.builtIn(), hosts).list(INFO, kernelOrder))
        .isEqualTo(resource("list-names.txt"));
  }

  @Test
  void oneService() throws IOException {
    ListingPrinter n = ListingPrinter.numeric();
    ServiceDetails vip = kernelOrder.stream().filter(d -> d.service().key().toString().equals("TCP 192.0.2.1:80"))
        .findFirst().orElseThrow();
    ServiceDetails fwm = kernelOrder.stream().filter(d -> d.service().key().toString().equals("FWM 5"))
        .findFirst().orElseThrow();
    assertThat(n.listService(vip)).isEqualTo(resource("list-service.txt"));
    assertThat(n.listService(fwm)).isEqualTo(resource("list-fwmark.txt"));
  }
}
