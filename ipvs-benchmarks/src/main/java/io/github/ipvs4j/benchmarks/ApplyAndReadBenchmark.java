package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.NetlinkIpvsClient;
import io.github.ipvs4j.textformat.SavePrinter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole-run comparison against the real {@code ipvsadm}, meant for a kernel with IPVS in a throwaway namespace
 * (the project's VM): apply {@code N} services x {@code M} destinations from an empty table with one batched
 * {@link NetlinkIpvsClient} vs {@code ipvsadm -R} of the same rules, then read the whole table back with {@link
 * NetlinkIpvsClient#snapshot()} vs {@code ipvsadm -Sn}. Each is run {@code rounds} times, flushing in between,
 * after {@code warmup} rounds that are printed but not counted; the client's times are taken inside this JVM (its
 * start-up is not counted, ipvsadm's process start is). The first round is the cold one: a JVM that has compiled
 * nothing yet, which is what a one-shot tool pays. Prints one line per round and the ratios of the medians. Never
 * run it in a host's own network namespace: it flushes.
 *
 * <pre>
 * tools/ipvs-vm -- java -cp ... io.github.ipvs4j.benchmarks.ApplyAndReadBenchmark 1000 10 7 5
 * </pre>
 */
public final class ApplyAndReadBenchmark {
  private ApplyAndReadBenchmark() {}

  /** Arguments: services, destinations per service, measured rounds, warm-up rounds. */
  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int destinations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    IpvsTable table = table(services, destinations);
    Path rules = Files.createTempFile("ipvs4j-bench", ".rules");
    Files.writeString(rules, SavePrinter.numeric().print(table), StandardCharsets.US_ASCII);
    long lines = Files.readAllLines(rules).size();
    System.out.printf(Locale.ROOT, "table: %d services x %d destinations (%d rules)%n", services, destinations, lines);

    List<Long> clientApply = new ArrayList<>();
    List<Long> ipvsadmApply = new ArrayList<>();
    List<Long> clientRead = new ArrayList<>();
    List<Long> ipvsadmRead = new ArrayList<>();
    try (NetlinkIpvsClient ipvs = NetlinkIpvsClient.open()) {
      for (int round = 1 - warmup; round <= rounds; round++) {
        ipvs.flush();
        long t0 = System.nanoTime();
        BatchResult result = ipvs.execute(table.toCommands());
        clientApply.add(System.nanoTime() - t0);
        result.throwIfFailed();
        check(ipvs, table);

        t0 = System.nanoTime();
        IpvsTable back = ipvs.snapshot();
        clientRead.add(System.nanoTime() - t0);
        if (back.services().size() != services) {
          throw new IllegalStateException("snapshot has " + back.services().size() + " services");
        }
        ipvsadmRead.add(run(null, "ipvsadm", "-Sn"));

        ipvs.flush();
        ipvsadmApply.add(run(rules.toFile(), "ipvsadm", "-R"));
        check(ipvs, table);
        int last = clientApply.size() - 1;
        System.out.printf(Locale.ROOT, "%s %d: apply client %.1f ms, ipvsadm -R %.1f ms; read snapshot %.1f ms,"
                + " ipvsadm -Sn %.1f ms%n", round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round,
            ms(clientApply.get(last)), ms(ipvsadmApply.get(last)), ms(clientRead.get(last)), ms(ipvsadmRead.get(last)));
        if (round < 1) {
          clientApply.remove(last);
          ipvsadmApply.remove(last);
          clientRead.remove(last);
          ipvsadmRead.remove(last);
        }
      }
      ipvs.flush();
    } finally {
      Files.deleteIfExists(rules);
    }
    System.out.printf(Locale.ROOT, "median apply: client %.1f ms, ipvsadm -R %.1f ms: ipvsadm/client = %.2f%n",
        ms(median(clientApply)), ms(median(ipvsadmApply)), (double) median(ipvsadmApply) / median(clientApply));
    System.out.printf(Locale.ROOT, "median read: snapshot %.1f ms, ipvsadm -Sn %.1f ms: ipvsadm/client = %.2f%n",
        ms(median(clientRead)), ms(median(ipvsadmRead)), (double) median(ipvsadmRead) / median(clientRead));
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

  private static void check(NetlinkIpvsClient ipvs, IpvsTable table) {
    int n = ipvs.services().size();
    if (n != table.services().size()) {
      throw new IllegalStateException("the kernel has " + n + " services, expected " + table.services().size());
    }
  }

  /** Runs a command (stdin from {@code in}, stdout discarded) and returns its wall time in ns. */
  private static long run(File in, String... argv) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    if (in != null) {
      pb.redirectInput(in);
    }
    long t0 = System.nanoTime();
    int status = pb.start().waitFor();
    long t = System.nanoTime() - t0;
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " exited " + status);
    }
    return t;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
