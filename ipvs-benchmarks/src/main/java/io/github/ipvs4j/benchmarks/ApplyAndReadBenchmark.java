package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.NetlinkIpvsClient;
import io.github.ipvs4j.textformat.SavePrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole-run comparison, meant for a kernel with IPVS (the project's VM, {@code ipvs-benchmarks/whole-run}): apply
 * {@code N} services x {@code M} destinations to an empty table, then read the whole table back, with three tools:
 * one batched {@link NetlinkIpvsClient} ({@code execute}, {@code snapshot}), {@code ipvsadm -R} and {@code -Sn} of
 * the same rules, and the C floor ({@code ipvs_floor.c}: one socket, batched requests, no allocation).
 *
 * <p>Every tool's round runs in a network namespace of its own, made for it and deleted after it (with a pause for
 * the kernel's clean-up), because a table flushed and refilled is not empty to the kernel: flushed destinations wait
 * in its trash list for two minutes, and every new destination is first looked for there, one by one, so a refill
 * right after a flush costs many times a first fill (measured with the floor: 0.20 s first, 0.74-1.1 s after a
 * flush, 1000 x 10 under TCG).
 *
 * <p>The client's and the floor's times are taken inside their processes (start-up not counted); ipvsadm's include
 * its process start, which is what a script pays. Rounds before the first counted one are warm-ups, printed apart;
 * the first round of a JVM is the cold one. Prints one line per round and the ratios of the medians.
 *
 * <pre>
 * ApplyAndReadBenchmark SERVICES DESTINATIONS ROUNDS WARMUPS [FLOOR-BINARY]
 * </pre>
 */
public final class ApplyAndReadBenchmark {
  private ApplyAndReadBenchmark() {}

  /** One tool's times, in ns, round by round. */
  private record Times(List<Long> apply, List<Long> read) {
    Times() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    void dropLast() {
      apply.remove(apply.size() - 1);
      read.remove(read.size() - 1);
    }
  }

  /** Arguments: services, destinations per service, measured rounds, warm-up rounds, the floor's binary. */
  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int destinations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    String floor = args.length > 4 ? args[4] : null;
    IpvsTable table = table(services, destinations);
    Path rules = Files.createTempFile("ipvs4j-bench", ".rules");
    Files.writeString(rules, SavePrinter.numeric().print(table), StandardCharsets.US_ASCII);
    long lines = Files.readAllLines(rules).size();
    System.out.printf(Locale.ROOT, "table: %d services x %d destinations (%d rules)%n", services, destinations, lines);

    Times client = new Times();
    Times ipvsadm = new Times();
    Times c = new Times();
    for (int round = 1 - warmup; round <= rounds; round++) {
      String ns = freshNamespace("client");
      try (NetlinkIpvsClient ipvs = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespace(ns))) {
        long t0 = System.nanoTime();
        BatchResult result = ipvs.execute(table.toCommands());
        client.apply.add(System.nanoTime() - t0);
        result.throwIfFailed();
        t0 = System.nanoTime();
        IpvsTable back = ipvs.snapshot();
        client.read.add(System.nanoTime() - t0);
        if (back.services().size() != services) {
          throw new IllegalStateException("snapshot has " + back.services().size() + " services");
        }
      }
      delete(ns);

      ns = freshNamespace("ipvsadm");
      ipvsadm.apply.add(timed(ns, "ipvsadm -R < " + rules));
      ipvsadm.read.add(timed(ns, "ipvsadm -Sn > /dev/null"));
      long saved = Long.parseLong(sh("ip netns exec " + ns + " ipvsadm -Sn | wc -l").strip());
      if (saved != lines) {
        throw new IllegalStateException("ipvsadm -R left " + saved + " rules, expected " + lines);
      }
      delete(ns);

      if (floor != null) {
        ns = freshNamespace("floor");
        c.apply.add(floorNanos(sh("ip netns exec " + ns + " " + floor + " apply " + services + " " + destinations)));
        String read = sh("ip netns exec " + ns + " " + floor + " read " + services + " " + destinations);
        c.read.add(floorNanos(read));
        if (!read.strip().endsWith(" " + lines)) {
          throw new IllegalStateException("the floor read back " + read.strip() + ", expected " + lines + " objects");
        }
        delete(ns);
      }

      int last = client.apply.size() - 1;
      System.out.printf(Locale.ROOT, "%s %d: apply client %.1f ms, ipvsadm -R %.1f ms, floor %s; read snapshot %.1f ms,"
              + " ipvsadm -Sn %.1f ms, floor %s%n", round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round,
          ms(client.apply.get(last)), ms(ipvsadm.apply.get(last)), floor == null ? "-" : msText(c.apply.get(last)),
          ms(client.read.get(last)), ms(ipvsadm.read.get(last)), floor == null ? "-" : msText(c.read.get(last)));
      if (round < 1) {
        client.dropLast();
        ipvsadm.dropLast();
        if (floor != null) {
          c.dropLast();
        }
      }
    }
    Files.delete(rules);
    System.out.printf(Locale.ROOT, "median apply: client %.1f ms, ipvsadm -R %.1f ms: ipvsadm/client = %.2f%n",
        ms(median(client.apply)), ms(median(ipvsadm.apply)), ratio(ipvsadm.apply, client.apply));
    System.out.printf(Locale.ROOT, "median read: snapshot %.1f ms, ipvsadm -Sn %.1f ms: ipvsadm/client = %.2f%n",
        ms(median(client.read)), ms(median(ipvsadm.read)), ratio(ipvsadm.read, client.read));
    if (floor != null) {
      System.out.printf(Locale.ROOT, "median floor: apply %.1f ms (client/floor = %.2f), read %.1f ms (client/floor"
              + " = %.2f)%n", ms(median(c.apply)), ratio(client.apply, c.apply), ms(median(c.read)),
          ratio(client.read, c.read));
    }
  }

  private static int namespaces;

  /** A new namespace with its loopback up (a fresh namespace without it has no local routing table, and the kernel
   * then refuses NAT destinations with EINVAL: it cannot tell their address type). */
  private static String freshNamespace(String tool) throws IOException, InterruptedException {
    String ns = "ipvs4j-bench-" + tool + "-" + ProcessHandle.current().pid() + "-" + namespaces++;
    sh("ip netns add " + ns + " && ip -n " + ns + " link set lo up");
    return ns;
  }

  /** Deletes a namespace and gives the kernel time to clean it up before the next tool runs. */
  private static void delete(String ns) throws IOException, InterruptedException {
    sh("ip netns delete " + ns);
    Thread.sleep(2000);
  }

  /** Wall time of {@code command} run by bash inside {@code ns}, process start included. */
  private static long timed(String ns, String command) throws IOException, InterruptedException {
    String out = sh("ip netns exec " + ns + " bash -c 'TIMEFORMAT=%3R; time { " + command + " ; }' 2>&1");
    String[] lines = out.strip().split("\n");
    return Math.round(Double.parseDouble(lines[lines.length - 1]) * 1e9);
  }

  /** The nanoseconds of the floor's {@code apply_ns N} or {@code read_ns N COUNT} line. */
  private static long floorNanos(String line) {
    return Long.parseLong(line.strip().split(" ")[1]);
  }

  /** Runs a shell command line; its stdout. Fails on a non-zero status. */
  private static String sh(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " exited " + p.exitValue());
    }
    return out;
  }

  private static double ratio(List<Long> numerator, List<Long> denominator) {
    return (double) median(numerator) / median(denominator);
  }

  /** TCP services on 192.0.2.1-250 with ports from 80 up; NAT destinations on 198.51.100.0/24 and 203.0.113.0/24. */
  static IpvsTable table(int services, int destinations) {
    IpvsTable.Builder b = IpvsTable.builder();
    for (int i = 0; i < services; i++) {
      ServiceKey key = ServiceKey.tcp("192.0.2." + (1 + i % 250), 80 + i / 250);
      List<Destination> ds = new ArrayList<>();
      for (int j = 0; j < destinations; j++) {
        String net = j < 250 ? "198.51.100." : "203.0.113.";
        ds.add(Destination.builder(net + (1 + j % 250), 8080 + j / 500)
            .forwarding(ForwardingMethod.MASQUERADE).weight(1 + j % 5).build());
      }
      b.service(new ServiceConfig(VirtualService.of(key, Scheduler.WRR), ds));
    }
    return b.build();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static String msText(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", ms(nanos));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
