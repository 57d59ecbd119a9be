package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.Addresses;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.benchmarks.report.ResultsCsv;
import io.github.ipvs4j.netlink.NetlinkIpvsClient;
import io.github.ipvs4j.textformat.ListingPrinter;
import io.github.ipvs4j.textformat.SavePrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole-run benchmarks of a kernel with IPVS (the project's VM: {@code ipvs-benchmarks/whole-run}): for each
 * table size N services x M destinations, the ipvs4j client ({@link NetlinkIpvsClient}), {@code ipvsadm} and the C
 * floor ({@code ipvs_floor.c}: one socket, batched requests, no allocation) each
 *
 * <ul>
 *   <li>{@code apply}: fill an empty table (client: one {@code execute} of {@code table.toCommands()}; ipvsadm:
 *       {@code -R} of the save file);
 *   <li>{@code read}: read it all back ({@code snapshot()}; {@code ipvsadm -Sn}; the floor's dumps);
 *   <li>{@code list-stats}: the {@code ipvsadm -Ln --stats} listing (client: read plus {@link ListingPrinter});
 *   <li>{@code incremental}: edit, remove and add 1% of the destinations ({@link #changes});
 *   <li>{@code flush}: empty it ({@code flush()}; {@code ipvsadm -C}).
 * </ul>
 *
 * and, for tables of at most {@code --loop-limit} rules, {@code ipvsadm-loop}: one {@code ipvsadm} process per rule,
 * as start-up scripts do. At the largest size the client's {@code memory} is measured: the heap its snapshot keeps
 * ({@code memory}, live bytes after a full collection) and what reading it allocated ({@code memory-allocated}).
 *
 * <p>Every tool's round runs in a network namespace of its own, made for it and deleted after it: a table flushed and
 * refilled is not empty to the kernel (flushed destinations wait in its trash list for two minutes and every new one
 * is looked for there first), and a fresh namespace without its loopback up refuses NAT destinations (EINVAL).
 *
 * <p>Before the first measured round the JVM is warmed: apply and read of a 1000 x 10 table in fresh namespaces
 * until a round's JIT compilation time is under 5% of its wall time (at most {@code --warm-up}, 40 rounds). Under TCG one host thread
 * runs every virtual CPU, so a compiler thread still at work slows the measured thread as much as the work itself;
 * the cold first round is reported apart, as tool {@code ipvs4j-cold}. The client's and the floor's times are taken
 * in their processes; ipvsadm's include its process start, which is what a script pays.
 *
 * <p>Writes one CSV row per measurement ({@code benchmark,tool,services,destinations,round,value,unit}, the format
 * {@code BenchmarkReport} reads) and prints a line per round. A size may name its own number of rounds ({@code
 * 50000x10:1}). At each size the client first takes unmeasured rounds, until one's JIT compilation time is under 5%
 * of its wall time (at most {@value #MAX_SETTLE_ROUNDS}). Every tool's round starts on a collected heap and an idle
 * JIT compiler ({@link #quiet}).
 *
 * <pre>
 * WholeRunBenchmark --sizes 1000x10,10000x10,50000x10:1 --rounds 3 --floor BIN --csv FILE [--loop-limit 200] [--warm-up 40]
 *     [--without-ipvsadm]
 * </pre>
 */
public final class WholeRunBenchmark {
  private WholeRunBenchmark() {}

  private static final SavePrinter SAVE = SavePrinter.numeric();
  private static final ListingPrinter STATS = ListingPrinter.numeric().columns(ListingPrinter.Columns.STATS);
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Most unmeasured client rounds at each size. */
  static final int MAX_SETTLE_ROUNDS = 3;

  /** How long the JIT compiler must have been idle before a round starts ({@link #quiet}). */
  static final long QUIET_MILLIS = 500;

  /** The longest wait for an idle JIT compiler before a round. */
  static final long QUIET_LIMIT_MILLIS = 20_000;

  private static PrintWriter csv;
  private static int namespaces;

  /** Arguments: see the class description. */
  public static void main(String[] args) throws Exception {
    List<int[]> sizes = new ArrayList<>();
    int rounds = 3;
    int loopLimit = 200;
    int warmUp = 40;
    String floor = null;
    Path csvPath = null;
    boolean withIpvsadm = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> {
          for (String size : args[++i].split(",")) {
            String[] nmr = size.split("[x:]"); // NxM or NxM:ROUNDS
            sizes.add(new int[] {Integer.parseInt(nmr[0]), Integer.parseInt(nmr[1]),
                nmr.length > 2 ? Integer.parseInt(nmr[2]) : -1});
          }
        }
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--loop-limit" -> loopLimit = Integer.parseInt(args[++i]);
        case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
        case "--floor" -> floor = args[++i];
        case "--csv" -> csvPath = Path.of(args[++i]);
        case "--without-ipvsadm" -> withIpvsadm = false; // client against floor only: an A/B of two builds
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (sizes.isEmpty() || floor == null || csvPath == null) {
      throw new IllegalArgumentException("usage: --sizes NxM,... --rounds R --floor BIN --csv FILE [--loop-limit L] [--warm-up W]");
    }
    csv = ResultsCsv.append(csvPath);
    coldAndWarmUp(warmUp);
    int[] largest = sizes.get(0);
    for (int[] size : sizes) {
      if ((long) size[0] * (size[1] + 1) > (long) largest[0] * (largest[1] + 1)) {
        largest = size;
      }
    }
    for (int[] size : sizes) {
      int n = size[0];
      int m = size[1];
      Table t = new Table(n, m);
      System.out.printf(Locale.ROOT, "%n== %d services x %d destinations (%d rules, %d changes)%n", n, m, t.rules,
          t.changes.size());
      // unmeasured client rounds first: a larger table takes other paths through the JIT's code, and a round over
      // 10,000 services still compiles (the per-service read, the table's sort) a round or two after the first
      int settle = 0;
      double jitShare;
      do {
        jitShare = client(t, 0, false);
        settle++;
      } while (jitShare >= 0.05 && settle < MAX_SETTLE_ROUNDS);
      int sizeRounds = size[2] > 0 ? size[2] : rounds;
      for (int round = 1; round <= sizeRounds; round++) {
        client(t, round, size == largest);
        if (withIpvsadm) {
          ipvsadm(t, round);
        }
        floor(t, floor, round);
        if (withIpvsadm && t.rules <= loopLimit) {
          loop(t, round);
        }
      }
      Files.delete(t.saveFile);
      Files.delete(t.changeFile);
    }
    csv.close();
  }

  // ---- the tools ------------------------------------------------------------------------------------------------

  /** One client round in a fresh namespace; returns its JIT compilation time as a fraction of its wall time. */
  private static double client(Table t, int round, boolean measureMemory) throws Exception {
    String ns = freshNamespace("client");
    double compiled = JIT.getTotalCompilationTime();
    long start = System.nanoTime();
    double jit;
    try (NetlinkIpvsClient ipvs = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespace(ns))) {
      long user0 = THREADS.getCurrentThreadUserTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long apply = timed(() -> ipvs.execute(t.commands).throwIfFailed());
      long applyUser = THREADS.getCurrentThreadUserTime() - user0;
      long applySystem = THREADS.getCurrentThreadCpuTime() - cpu0 - applyUser;
      IpvsTable[] back = new IpvsTable[1];
      user0 = THREADS.getCurrentThreadUserTime();
      cpu0 = THREADS.getCurrentThreadCpuTime();
      long process0 = PROCESS.getProcessCpuTime();
      long read = timed(() -> back[0] = ipvs.snapshot());
      long readUser = THREADS.getCurrentThreadUserTime() - user0;
      long readSystem = THREADS.getCurrentThreadCpuTime() - cpu0 - readUser;
      long readProcess = PROCESS.getProcessCpuTime() - process0;
      check(back[0].services().size() == t.n, "snapshot has " + back[0].services().size() + " services");
      int[] length = new int[1];
      long list = timed(() -> length[0] = STATS.list(ipvs.info(), ipvs.servicesWithDestinations()).length());
      check(length[0] > 0, "empty listing");
      if (measureMemory) {
        memory(ipvs, t, round);
      }
      long change = timed(() -> ipvs.execute(t.changes).throwIfFailed());
      long flush = timed(ipvs::flush);
      jit = JIT.getTotalCompilationTime() - compiled;
      if (round == 0) {
        System.out.printf(Locale.ROOT, "warm-up ipvs4j: apply %s, read %s (JIT %.0f ms)%n", ms(apply), ms(read), jit);
      } else {
        report(t, round, compiled,
            new ClientRound(apply, read, list, change, flush, applyUser, applySystem, readUser, readSystem, readProcess));
      }
    }
    double wall = (System.nanoTime() - start) / 1e6;
    delete(ns, t);
    return jit / wall;
  }

  /**
   * One client round: wall times, this thread's CPU time of apply and read split into user and system, and the whole
   * JVM's CPU time during the read (its other threads share the one host thread that runs every virtual CPU).
   */
  private record ClientRound(long apply, long read, long list, long change, long flush, long applyUser,
      long applySystem, long readUser, long readSystem, long readProcess) {}

  private static void report(Table t, int round, double compiled, ClientRound c) {
    row("apply", "ipvs4j", t, round, c.apply);
    row("read", "ipvs4j", t, round, c.read);
    row("list-stats", "ipvs4j", t, round, c.list);
    row("incremental", "ipvs4j", t, round, c.change);
    row("flush", "ipvs4j", t, round, c.flush);
    System.out.printf(Locale.ROOT, "round %d ipvs4j:  apply %s, read %s, list-stats %s, incremental %s, flush %s"
            + " (JIT %.0f ms; this thread's CPU: apply user %s + system %s, read user %s + system %s;"
            + " the JVM's CPU during the read %s)%n", round,
        ms(c.apply), ms(c.read), ms(c.list), ms(c.change), ms(c.flush), JIT.getTotalCompilationTime() - compiled,
        ms(c.applyUser), ms(c.applySystem), ms(c.readUser), ms(c.readSystem), ms(c.readProcess));
  }

  /** Live heap the snapshot keeps (after full collections) and what taking it allocated, on this thread. */
  private static void memory(NetlinkIpvsClient ipvs, Table t, int round) {
    MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = liveHeap(heap);
    long allocated0 = threads.getCurrentThreadAllocatedBytes();
    IpvsTable snapshot = ipvs.snapshot();
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
    long live = liveHeap(heap) - before;
    check(snapshot.services().size() == t.n, "snapshot lost services");
    row("memory", "ipvs4j", t, round, live, "bytes");
    row("memory-allocated", "ipvs4j", t, round, allocated, "bytes");
    System.out.printf(Locale.ROOT, "round %d ipvs4j:  snapshot keeps %.1f MiB, allocated %.1f MiB%n", round,
        live / 1048576.0, allocated / 1048576.0);
  }

  private static long liveHeap(MemoryMXBean heap) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return heap.getHeapMemoryUsage().getUsed();
  }

  private static void ipvsadm(Table t, int round) throws Exception {
    String ns = freshNamespace("ipvsadm");
    long apply = shellTimed(ns, "ipvsadm -R < " + t.saveFile);
    long read = shellTimed(ns, "ipvsadm -Sn > /dev/null");
    checkRules(ns, t, "ipvsadm -R");
    long list = shellTimed(ns, "ipvsadm -Ln --stats > /dev/null");
    long change = shellTimed(ns, "ipvsadm -R < " + t.changeFile);
    long flush = shellTimed(ns, "ipvsadm -C");
    row("apply", "ipvsadm", t, round, apply);
    row("read", "ipvsadm", t, round, read);
    row("list-stats", "ipvsadm", t, round, list);
    row("incremental", "ipvsadm", t, round, change);
    row("flush", "ipvsadm", t, round, flush);
    System.out.printf(Locale.ROOT, "round %d ipvsadm: apply %s, read %s, list-stats %s, incremental %s, flush %s%n",
        round, ms(apply), ms(read), ms(list), ms(change), ms(flush));
    delete(ns, t);
  }

  private static void floor(Table t, String floor, int round) throws Exception {
    String ns = freshNamespace("floor");
    String prefix = "ip netns exec " + ns + " " + floor + " ";
    long apply = floorNanos(sh(prefix + "apply " + t.n + " " + t.m), -1);
    long read = floorNanos(sh(prefix + "read " + t.n + " " + t.m), t.rules);
    long change = floorNanos(sh(prefix + "change " + t.n + " " + t.m), t.changes.size());
    long flush = floorNanos(sh(prefix + "flush"), -1);
    row("apply", "floor", t, round, apply);
    row("read", "floor", t, round, read);
    row("incremental", "floor", t, round, change);
    row("flush", "floor", t, round, flush);
    System.out.printf(Locale.ROOT, "round %d floor:   apply %s, read %s, incremental %s, flush %s%n", round,
        ms(apply), ms(read), ms(change), ms(flush));
    delete(ns, t);
  }

  private static void loop(Table t, int round) throws Exception {
    String ns = freshNamespace("loop");
    long apply = shellTimed(ns, "while read -r line; do ipvsadm $line; done < " + t.saveFile);
    checkRules(ns, t, "the ipvsadm loop");
    row("apply", "ipvsadm-loop", t, round, apply);
    System.out.printf(Locale.ROOT, "round %d ipvsadm loop: apply %s%n", round, ms(apply));
    delete(ns, t);
  }

  /** The cold first apply and read of this JVM, then warm-up rounds until the JIT compiler is nearly idle. */
  private static void coldAndWarmUp(int maxRounds) throws Exception {
    Table t = new Table(1000, 10);
    for (int i = 0; i <= maxRounds; i++) {
      String ns = freshNamespace("warm-up");
      double compiled = JIT.getTotalCompilationTime();
      long t0 = System.nanoTime();
      long apply;
      long read;
      try (NetlinkIpvsClient ipvs = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespace(ns))) {
        apply = timed(() -> ipvs.execute(t.commands).throwIfFailed());
        read = timed(ipvs::snapshot);
      }
      double wall = (System.nanoTime() - t0) / 1e6;
      double jit = JIT.getTotalCompilationTime() - compiled;
      if (i == 0) {
        row("apply", "ipvs4j-cold", t, 1, apply);
        row("read", "ipvs4j-cold", t, 1, read);
      }
      System.out.printf(Locale.ROOT, "%s %d: apply %s, read %s, JIT %.0f ms of %.0f ms%n", i == 0 ? "cold" : "warm-up",
          i, ms(apply), ms(read), jit, wall);
      delete(ns, t);
      if (i >= Math.min(5, maxRounds) && jit < 0.05 * wall) {
        break;
      }
    }
    Files.delete(t.saveFile);
    Files.delete(t.changeFile);
  }

  // ---- the table and its change -----------------------------------------------------------------------------------

  /** A table of N x M, its commands, its save file, and its 1% change as commands and as ipvsadm lines. */
  private static final class Table {
    final int n;
    final int m;
    final IpvsTable table;
    final List<IpvsCommand> commands;
    final long rules;
    final List<IpvsCommand> changes;
    final Path saveFile;
    final Path changeFile;

    Table(int n, int m) throws IOException {
      this.n = n;
      this.m = m;
      table = table(n, m);
      commands = table.toCommands();
      rules = (long) n * (m + 1);
      changes = changes(n, m);
      saveFile = Files.createTempFile("ipvs4j-bench", ".rules");
      Files.writeString(saveFile, SAVE.print(table), StandardCharsets.US_ASCII);
      changeFile = Files.createTempFile("ipvs4j-bench", ".change");
      Files.writeString(changeFile, changeLines(changes), StandardCharsets.US_ASCII);
    }
  }

  /** TCP services on 192.0.2.1-250 with ports from 80 up; NAT destinations on 198.51.100.0/24 and 203.0.113.0/24. */
  static IpvsTable table(int services, int destinations) {
    IpvsTable.Builder b = IpvsTable.builder();
    for (int i = 0; i < services; i++) {
      List<Destination> ds = new ArrayList<>();
      for (int j = 0; j < destinations; j++) {
        ds.add(destination(j, port(j), 1 + j % 5));
      }
      b.service(new ServiceConfig(VirtualService.of(serviceKey(i), Scheduler.WRR), ds));
    }
    return b.build();
  }

  /**
   * The 1% change, as {@code ipvs_floor change} makes it: of every 300 destinations (counted {@code i * M + j}), the
   * first gets another weight, the 100th is removed and the 200th gains a sibling on port 9090.
   */
  static List<IpvsCommand> changes(int services, int destinations) {
    List<IpvsCommand> out = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      for (int j = 0; j < destinations; j++) {
        long g = (long) i * destinations + j;
        if (g % 300 == 0) {
          out.add(new IpvsCommand.EditDestination(serviceKey(i), destination(j, port(j), 6 + j % 5)));
        } else if (g % 300 == 100) {
          Destination d = destination(j, port(j), 1);
          out.add(new IpvsCommand.DeleteDestination(serviceKey(i), d.address(), d.port()));
        } else if (g % 300 == 200) {
          out.add(new IpvsCommand.AddDestination(serviceKey(i), destination(j, 9090, 1)));
        }
      }
    }
    return out;
  }

  private static ServiceKey serviceKey(int i) {
    return ServiceKey.tcp("192.0.2." + (1 + i % 250), 80 + i / 250);
  }

  private static int port(int j) {
    return 8080 + j / 500;
  }

  private static Destination destination(int j, int port, int weight) {
    String net = j < 250 ? "198.51.100." : "203.0.113.";
    return Destination.builder(net + (1 + j % 250), port).forwarding(ForwardingMethod.MASQUERADE).weight(weight)
        .build();
  }

  /** The change as ipvsadm command lines, for {@code ipvsadm -R}. */
  private static String changeLines(List<IpvsCommand> changes) {
    StringBuilder sb = new StringBuilder();
    for (IpvsCommand c : changes) {
      if (c instanceof IpvsCommand.EditDestination e) {
        sb.append("-e -t ").append(at(e.service())).append(" -r ").append(at(e.destination()))
            .append(" -m -w ").append(e.destination().weight()).append('\n');
      } else if (c instanceof IpvsCommand.DeleteDestination d) {
        sb.append("-d -t ").append(at(d.service())).append(" -r ").append(Addresses.format(d.address()))
            .append(':').append(d.port()).append('\n');
      } else if (c instanceof IpvsCommand.AddDestination a) {
        sb.append("-a -t ").append(at(a.service())).append(" -r ").append(at(a.destination()))
            .append(" -m -w ").append(a.destination().weight()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String at(Destination d) {
    return Addresses.format(d.address()) + ":" + d.port();
  }

  private static String at(ServiceKey key) {
    ServiceKey.Inet inet = (ServiceKey.Inet) key; // the table has TCP services only
    return Addresses.format(inet.address()) + ":" + inet.port();
  }

  // ---- plumbing ---------------------------------------------------------------------------------------------------

  /** Something timed, which may throw. */
  private interface Work {
    void run() throws Exception;
  }

  private static long timed(Work work) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return System.nanoTime() - t0;
  }

  private static void row(String benchmark, String tool, Table t, int round, long nanos) {
    row(benchmark, tool, t, round, nanos, "ns");
  }

  private static void row(String benchmark, String tool, Table t, int round, long value, String unit) {
    csv.printf(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s%n", benchmark, tool, t.n, t.m, round, value, unit);
  }

  /** A new namespace with its loopback up. */
  private static String freshNamespace(String tool) throws IOException, InterruptedException {
    quiet();
    String ns = "ipvs4j-bench-" + tool + "-" + ProcessHandle.current().pid() + "-" + namespaces++;
    sh("ip netns add " + ns + " && ip -n " + ns + " link set lo up");
    return ns;
  }

  /**
   * Before each tool's round: this JVM's garbage from the rounds before collected, and its background threads idle
   * (no JIT compilation finished and under a tenth of a CPU used in a {@value #QUIET_MILLIS} ms window; waiting at
   * most {@value #QUIET_LIMIT_MILLIS} ms). Under TCG one host thread runs every virtual CPU, so a collection or a
   * compilation left over from the last round would run inside the next tool's timed work, the floor's and
   * ipvsadm's as much as the client's. What a round's own work allocates and compiles stays in its time.
   */
  private static void quiet() throws InterruptedException {
    System.gc();
    long limit = System.nanoTime() + QUIET_LIMIT_MILLIS * 1_000_000L;
    while (System.nanoTime() < limit) {
      long compiled = JIT.getTotalCompilationTime();
      long cpu = PROCESS.getProcessCpuTime();
      Thread.sleep(QUIET_MILLIS);
      if (JIT.getTotalCompilationTime() == compiled && PROCESS.getProcessCpuTime() - cpu < QUIET_MILLIS * 100_000L) {
        return;
      }
    }
  }

  /**
   * Deletes a namespace, then waits for the kernel's clean-up of it, which runs on a worker thread that would
   * otherwise share the CPU with the next tool: two seconds, and one more per 50,000 rules.
   */
  private static void delete(String ns, Table t) throws IOException, InterruptedException {
    sh("ip netns delete " + ns);
    Thread.sleep(2000 + t.rules / 50);
  }

  /** Wall time of {@code command} run by bash inside {@code ns}, process start included. */
  private static long shellTimed(String ns, String command) throws IOException, InterruptedException {
    String out = sh("ip netns exec " + ns + " bash -c 'TIMEFORMAT=%3R; time { " + command + " ; }' 2>&1");
    String[] lines = out.strip().split("\n");
    return Math.round(Double.parseDouble(lines[lines.length - 1]) * 1e9);
  }

  /** The nanoseconds of one of the floor's {@code <what>_ns <ns> [<count>]} lines, checking the count if given. */
  private static long floorNanos(String line, long expectedCount) {
    String[] f = line.strip().split(" ");
    if (expectedCount >= 0) {
      check(f.length == 3 && Long.parseLong(f[2]) == expectedCount,
          "the floor printed '" + line.strip() + "', expected a count of " + expectedCount);
    }
    return Long.parseLong(f[1]);
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

  /** Checks that {@code ns} holds the whole table, one {@code ipvsadm -Sn} line per rule, after {@code tool}. */
  private static void checkRules(String ns, Table t, String tool) throws IOException, InterruptedException {
    long saved = Long.parseLong(sh("ip netns exec " + ns + " ipvsadm -Sn | wc -l").strip());
    check(saved == t.rules, tool + " left " + saved + " rules, expected " + t.rules);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
