package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.textformat.ListingPrinter.Columns;
import io.github.ipvs4j.testkit.CommandResult;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Kernel tier: generated tables applied with the real {@code ipvsadm -R} in a fresh network namespace; then every
 * printer must give, byte for byte, what ipvsadm prints for the kernel's state ({@code -S -n}, {@code -S} and the
 * {@code -L -n} variants), and the parser must read ipvsadm's own save back into the table. The kernel's order of
 * services and destinations (what a netlink dump gives) is read from {@code ipvsadm -L -n --nosort}. Counters are
 * zero: nothing sends traffic.
 */
class IpvsadmKernelTest {
  private static final IpvsInfo INFO = new IpvsInfo(0x010201, 4096);
  private static final Timeouts KERNEL_DEFAULT_TIMEOUTS = Timeouts.ofSeconds(900, 120, 300);
  private static final String[] VARIANTS = {
    "-Sn", "-S", "-Ln --nosort", "-Ln", "-L", "-Ln --exact", "-Ln --stats", "-Ln --stats --exact", "-Ln --rate",
    "-Ln --thresholds", "-Ln --persistent-conn", "-Ln --tun-info", "-Ln --timeout", "-Ln --daemon"
  };

  /** Runs {@code ipvsadm -R} with {@code rules}, then each variant; the outputs by variant. */
  private static Map<String, String> applyAndRead(TestNetns netns, String rules, String setup) throws IOException {
    Path file = Files.createTempFile("ipvs4j-rules", ".txt");
    try {
      Files.writeString(file, rules, StandardCharsets.UTF_8);
      StringBuilder script = new StringBuilder(setup).append("ipvsadm -C || exit 3\n");
      script.append("ipvsadm -R < '").append(file).append("' || exit 4\n");
      for (String v : VARIANTS) {
        script.append("echo '@@@ ").append(v).append("'; ipvsadm ").append(v).append(" || exit 5\n");
      }
      CommandResult r = netns.exec("sh", "-c", script.toString());
      assertThat(r.exitStatus()).as("ipvsadm failed:\n%s\nrules:\n%s", r.describe(), rules).isZero();
      assertThat(r.stderr()).as(rules).isEmpty();
      Map<String, String> out = new LinkedHashMap<>();
      String current = null;
      StringBuilder sb = new StringBuilder();
      for (String line : r.stdout().split("\n", -1)) {
        if (line.startsWith("@@@ ")) {
          if (current != null) {
            out.put(current, sb.toString());
          }
          current = line.substring(4);
          sb.setLength(0);
        } else if (current != null) {
          sb.append(line).append('\n');
        }
      }
      out.put(current, sb.substring(0, Math.max(0, sb.length() - 1)));
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @KernelTest
  void generatedTablesPrintAsIpvsadmPrintsThem(TestNetns netns) throws IOException {
    ServiceNames etcServices = ServiceNames.fromFile(Path.of("/etc/services"));
    Tables.Options options = new Tables.Options(true, true, true, 8, 5);
    int tables = 0;
    int tableOrderMatches = 0;
    Timeouts inKernel = KERNEL_DEFAULT_TIMEOUTS; // timeouts outlive ipvsadm -C
    for (long seed = 1; seed <= 7; seed++) {
      IpvsTable generated = Tables.table(new Random(seed * 7919), options);
      // daemons are the subject of their own test (they need an interface and no mixed-family destinations)
      IpvsTable table = new IpvsTable(generated.services(), generated.timeouts(), List.of());
      String rules = SavePrinter.numeric().extended(true).unsignedFwmarks(true).print(table);
      Map<String, String> ipvsadm = applyAndRead(netns, rules, "");
      List<ServiceDetails> kernelOrder =
          KernelOrder.fromNosortListing(ipvsadm.get("-Ln --nosort"), ListingPrinter.withZeroCounters(table));
      String label = "seed " + seed + ", rules:\n" + rules;

      // the save, numeric and with names
      assertThat(SavePrinter.numeric().print(kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Sn"));
      assertThat(SavePrinter.withNames(etcServices, HostResolver.none()).print(kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-S"));
      String fromTable = SavePrinter.numeric().print(table);
      assertThat(fromTable.lines().sorted()).as(label)
          .containsExactlyElementsOf(ipvsadm.get("-Sn").lines().sorted().toList());
      if (fromTable.equals(ipvsadm.get("-Sn"))) {
        tableOrderMatches++;
      }

      // the listings
      ListingPrinter n = ListingPrinter.numeric();
      assertThat(n.sorted(false).list(INFO, kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Ln --nosort"));
      assertThat(n.list(INFO, kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Ln"));
      assertThat(ListingPrinter.withNames(etcServices, HostResolver.none()).list(INFO, kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-L"));
      assertThat(n.exact(true).list(INFO, kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Ln --exact"));
      assertThat(n.columns(Columns.STATS).list(INFO, kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Ln --stats"));
      assertThat(n.columns(Columns.STATS).exact(true).list(INFO, kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-Ln --stats --exact"));
      assertThat(n.columns(Columns.RATE).list(INFO, kernelOrder)).as(label).isEqualTo(ipvsadm.get("-Ln --rate"));
      assertThat(n.columns(Columns.THRESHOLDS).list(INFO, kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-Ln --thresholds"));
      assertThat(n.columns(Columns.PERSISTENT_CONN).list(INFO, kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-Ln --persistent-conn"));
      assertThat(n.columns(Columns.TUN_INFO).list(INFO, kernelOrder)).as(label)
          .isEqualTo(ipvsadm.get("-Ln --tun-info"));
      if (table.timeouts().isPresent()) {
        inKernel = inKernel.overriddenBy(table.timeouts().get());
      }
      assertThat(ListingPrinter.timeouts(inKernel)).isEqualTo(ipvsadm.get("-Ln --timeout"));
      assertThat(ListingPrinter.daemons(List.of())).isEqualTo(ipvsadm.get("-Ln --daemon"));

      // reading what ipvsadm wrote gives the table back (less what the plain save cannot hold)
      boolean bigMarks = table.services().stream()
          .anyMatch(s -> s.key() instanceof ServiceKey.FwMark f && f.mark() > Integer.MAX_VALUE);
      if (!bigMarks) {
        IpvsTable read = SaveParser.create().parseTable(ipvsadm.get("-Sn"));
        List<ServiceConfig> expected = new ArrayList<>();
        for (ServiceConfig c : table.services()) {
          expected.add(new ServiceConfig(c.service(),
              c.destinations().stream().map(d -> d.withThresholds(0, 0)).toList()));
        }
        assertThat(read.services()).as(label).isEqualTo(expected);
      }
      tables++;
    }
    System.out.printf("kernel tier: %d tables byte-identical in 14 ipvsadm outputs each; the table's own order "
        + "matched ipvsadm's in %d of them%n", tables, tableOrderMatches);
  }

  @KernelTest
  void syncDaemonsAndTimeouts(TestNetns netns) throws IOException {
    SyncDaemon master = new SyncDaemon(SyncState.MASTER, "ipvs4j0", 7, 1400,
        Optional.of(Tables.address(new byte[] {(byte) 233, (byte) 252, 0, 9})), 9000, 5);
    SyncDaemon backup = new SyncDaemon(SyncState.BACKUP, "ipvs4j0", 9, 1472,
        Optional.of(Tables.address(new byte[] {(byte) 233, (byte) 252, 0, 10})), 8848, 1);
    IpvsTable table = IpvsTable.builder()
        .timeouts(Timeouts.ofSeconds(100, 20, 30))
        .syncDaemon(master)
        .syncDaemon(backup)
        .build();
    String rules = SavePrinter.numeric().extended(true).print(table);
    String setup = "ip link add ipvs4j0 type dummy && ip link set ipvs4j0 multicast on up "
        + "&& ip addr add 192.0.2.254/24 dev ipvs4j0 || exit 2\n";
    Map<String, String> ipvsadm = applyAndRead(netns, rules, setup);
    assertThat(ListingPrinter.daemons(table.syncDaemons())).as(rules).isEqualTo(ipvsadm.get("-Ln --daemon"));
    assertThat(ListingPrinter.timeouts(table.timeouts().orElseThrow())).isEqualTo(ipvsadm.get("-Ln --timeout"));
    assertThat(SaveParser.create().parseTable(rules)).isEqualTo(table);
  }
}
