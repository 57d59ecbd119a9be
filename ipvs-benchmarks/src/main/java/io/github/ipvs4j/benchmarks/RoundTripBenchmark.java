package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.benchmarks.report.ResultsCsv;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.transport.NetlinkConnection;
import io.github.ipvs4j.netlink.transport.NetlinkDumpInterruptedException;
import io.github.ipvs4j.netlink.transport.NetlinkException;
import io.github.ipvs4j.sysctl.InterfaceAddress;
import io.github.ipvs4j.sysctl.Link;
import io.github.ipvs4j.sysctl.NetDeviceException;
import io.github.ipvs4j.sysctl.Vip;
import io.github.ipvs4j.sysctl.VipAliases;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Host-only netlink round trips, no IPVS needed: ipvs4j's public API against the C floor ({@code netlink_floor.c}),
 * in the network namespace this runs in. {@code ipvs-benchmarks/round-trip} makes a namespace and runs this in it
 * under {@code ip netns exec}; it never touches the host's own.
 *
 * <ul>
 *   <li>{@code nlctrl-roundtrip}: {@code K} generic-netlink round trips, one after another, each
 *       {@link NetlinkConnection#request} of {@link GenlFamily#request GenlFamily.request("nlctrl")}: the reply and the
 *       ack.
 *   <li>{@code rtnl-addr-add}: {@link VipAliases#ensureVips} of {@code K} host addresses on an interface this makes
 *       ({@code dummy}, or {@code ifb} on a kernel without {@code CONFIG_DUMMY}): a link dump, an address dump and
 *       {@code K} {@code RTM_NEWADDR} in batches.
 *   <li>{@code rtnl-addr-list}: {@link VipAliases#addresses()} while those {@code K} are present: a link dump and an
 *       address dump, decoded; {@link #LISTS} lists back to back per round, the time of one given (a single list
 *       of under a millisecond moved by half its time from round to round).
 *   <li>{@code rtnl-addr-del}: {@link VipAliases#removeVips} of the {@code K}, so every round starts from the same
 *       state.
 * </ul>
 *
 * <p>The floor does each with the same messages ({@code floor}), and also the operation alone ({@code floor-bare}:
 * no dumps before the changes, every request in flight at once). The addresses: index {@code i < 762} is IPv4
 * 192.0.2.1-254, 198.51.100.1-254, 203.0.113.1-254; from 762 on, IPv6 2001:db8::N, N = i - 761.
 *
 * <p>Times are taken in-process (start-up not counted): the wall time, and the CPU time of the thread that does
 * the work (the floor's process), in a twin benchmark named with {@code -cpu}: on a shared machine that one is
 * steadier, but it leaves out what the JVM's other threads (GC, JIT) take from ipvs4j's wall time. What is measured
 * is a long-running process's steady state: before the first round, untimed nlctrl requests and address cycles get
 * the JIT going; then warm-up rounds, printed but not kept, then the measured rounds. Each round runs ipvs4j and the
 * floor back to back, alternating which goes first, so both see the same conditions. The measured rounds are
 * appended to a CSV file ({@code benchmark,tool,services,destinations,round,value,unit}, {@code services} = K, value
 * = the round's total ns); the medians and the ratios ipvs4j/floor are printed.
 *
 * <pre>
 * RoundTripBenchmark K ROUNDS WARMUPS FLOOR-BINARY CSV-FILE
 * </pre>
 */
public final class RoundTripBenchmark {
  private RoundTripBenchmark() {}

  /** The interface the addresses go on; it goes with the namespace. */
  private static final String LINK = "ipvs4j-rt0";
  /** Link kinds to try, in order: some VM kernels are built without {@code CONFIG_DUMMY}. */
  private static final List<String> KINDS = List.of("dummy", "ifb");
  /** {@code EOPNOTSUPP}: the kernel does not offer the link kind. */
  private static final int EOPNOTSUPP = 95;
  /** Untimed nlctrl requests before the first round, so the timed ones run compiled code. */
  private static final int JIT_REQUESTS = 20_000;
  /**
   * Untimed add, list x {@link #JIT_LISTS} and delete cycles before the first round: a few rounds are not enough for
   * the per-address loops to be compiled (a list of 762 addresses took 3x as long over its first 1500 calls as later;
   * with 200 lists before the rounds, 1000 addresses were listed in 1.06 ms, after 20,000 in 0.43 ms of CPU).
   */
  private static final int JIT_ADDRESS_CYCLES = 20;
  private static final int JIT_LISTS = 100;
  /** Lists per round, timed together (ipvs4j's and the floor's), so that a round's figure is not one short call. */
  static final int LISTS = 20;
  /** IPv4 addresses in the scheme (3 x 254); IPv6 after them. */
  private static final int IPV4_ADDRESSES = 762;
  private static final byte[][] IPV4_NETS = {{(byte) 192, 0, 2}, {(byte) 198, 51, 100}, {(byte) 203, 0, 113}};
  /** The most addresses the scheme has: N is the last 16 bits of the IPv6 ones. */
  private static final int MAX_ADDRESSES = IPV4_ADDRESSES + 65535;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One measurement: a benchmark's time for one tool in one round. */
  private record Row(String benchmark, String tool, int round, long nanos) {}

  /** The wall and CPU nanoseconds of one timed part. */
  private record Took(long wall, long cpu) {
    /** The time since {@code cpu0}, then {@code wall0}, were read: the wall interval lies inside the CPU one. */
    static Took since(long wall0, long cpu0) {
      long wall = System.nanoTime() - wall0;
      return new Took(wall, THREADS.getCurrentThreadCpuTime() - cpu0);
    }

    /** The time of one of {@code calls} timed together. */
    Took per(int calls) {
      return new Took(wall / calls, cpu / calls);
    }
  }

  /** Adds {@code took}'s wall time as {@code benchmark} and its CPU time as {@code benchmark-cpu}. */
  private static void add(List<Row> out, String benchmark, String tool, int round, Took took) {
    out.add(new Row(benchmark, tool, round, took.wall));
    out.add(new Row(benchmark + "-cpu", tool, round, took.cpu));
  }

  /** Arguments: K, measured rounds, warm-up rounds, the floor's binary, the CSV file to append to. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: RoundTripBenchmark K ROUNDS WARMUPS FLOOR-BINARY CSV-FILE");
      System.exit(2);
    }
    int k = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int warmups = Integer.parseInt(args[2]);
    String floor = args[3];
    Path csv = Path.of(args[4]);
    if (k < 1 || k > MAX_ADDRESSES || rounds < 1 || warmups < 0) {
      throw new IllegalArgumentException("K must be 1-" + MAX_ADDRESSES + ", ROUNDS at least 1, WARMUPS at least 0");
    }
    List<Vip> vips = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      vips.add(Vip.of(address(i), LINK));
    }
    NetlinkRequest nlctrl = GenlFamily.request("nlctrl");
    List<Row> rows = new ArrayList<>();
    try (NetlinkConnection genl = NetlinkConnection.open(Netlink.NETLINK_GENERIC);
        VipAliases aliases = VipAliases.open()) {
      String kind = makeLink(aliases);
      System.out.printf(Locale.ROOT, "K = %d: %d nlctrl round trips, %d addresses (%d IPv4, %d IPv6) on %s (%s);"
              + " %d rounds after %d warm-ups%n", k, k, k, Math.min(k, IPV4_ADDRESSES),
          Math.max(0, k - IPV4_ADDRESSES), LINK, kind, rounds, warmups);
      jitWarmUp(genl, nlctrl, aliases, vips);
      for (int round = 1 - warmups; round <= rounds; round++) {
        List<Row> r = new ArrayList<>();
        boolean ipvs4jFirst = (round & 1) != 0; // alternate, so neither always runs right after the other
        for (int turn = 0; turn < 2; turn++) {
          if ((turn == 0) == ipvs4jFirst) {
            add(r, "nlctrl-roundtrip", "ipvs4j", round, nlctrl(genl, nlctrl, k));
          } else {
            add(r, "nlctrl-roundtrip", "floor", round, floor(floor, k, "nlctrl", Integer.toString(k)));
          }
        }
        for (int turn = 0; turn < 2; turn++) {
          if ((turn == 0) == ipvs4jFirst) {
            addresses(aliases, vips, round, r);
          } else {
            floorAddresses(floor, k, round, r);
          }
        }
        System.out.println(line(round, warmups, r));
        if (round >= 1) {
          rows.addAll(r);
        }
      }
    }
    writeCsv(csv, k, rows);
    summary(k, rows);
    if (interruptedDumps > 0) {
      System.out.println("ipvs4j calls run again after an interrupted dump (NLM_F_DUMP_INTR): " + interruptedDumps);
    }
    System.out.println("appended " + rows.size() + " rows to " + csv);
  }

  /** The untimed calls that get ipvs4j's paths compiled before the first round. */
  private static void jitWarmUp(NetlinkConnection genl, NetlinkRequest nlctrl, VipAliases aliases, List<Vip> vips)
      throws NetlinkException {
    nlctrl(genl, nlctrl, JIT_REQUESTS);
    List<Row> ignored = new ArrayList<>();
    for (int i = 0; i < JIT_ADDRESS_CYCLES; i++) {
      timed(ignored, "jit", 0, () -> aliases.ensureVips(vips));
      for (int j = 0; j < JIT_LISTS; j++) {
        timed(ignored, "jit", 0, aliases::addresses);
      }
      timed(ignored, "jit", 0, () -> aliases.removeVips(vips));
      ignored.clear();
    }
  }

  /** Makes {@link #LINK} with the first kind the kernel offers and brings it up; returns the kind. */
  private static String makeLink(VipAliases aliases) {
    for (String kind : KINDS) {
      try {
        aliases.ensureLink(LINK, kind);
        aliases.setLinkUp(LINK, true);
        return aliases.link(LINK).flatMap(Link::kind).orElse(kind);
      } catch (NetDeviceException e) {
        if (e.errno().orElse(0) != EOPNOTSUPP) {
          throw e;
        }
      }
    }
    throw new IllegalStateException("the kernel offers none of the link kinds " + KINDS);
  }

  /** The time of {@code k} nlctrl requests, one after another. */
  private static Took nlctrl(NetlinkConnection genl, NetlinkRequest request, int k) throws NetlinkException {
    int replies = 0;
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < k; i++) {
      replies += genl.request(request).size();
    }
    Took took = Took.since(t0, c0);
    if (replies != k) {
      throw new IllegalStateException("nlctrl answered " + replies + " of " + k + " requests with a family");
    }
    return took;
  }

  /** ipvs4j's add, list and delete of the {@code K} addresses; each checked after its clock stopped. */
  private static void addresses(VipAliases aliases, List<Vip> vips, int round, List<Row> out) {
    List<Vip> added = timed(out, "rtnl-addr-add", round, () -> aliases.ensureVips(vips));
    check("ensureVips added", added.size(), vips.size());
    List<InterfaceAddress> listed = timed(out, "rtnl-addr-list", round, LISTS, aliases::addresses);
    check("addresses() listed", listed.stream().filter(RoundTripBenchmark::isVip).count(), vips.size());
    List<Vip> removed = timed(out, "rtnl-addr-del", round, () -> aliases.removeVips(vips));
    check("removeVips removed", removed.size(), vips.size());
  }

  private static int interruptedDumps;

  /**
   * Times one ipvs4j call, run again from the start while a dump in it comes back interrupted
   * ({@code NLM_F_DUMP_INTR}: the kernel changed the table during the dump, as it does for a while after IPv6
   * addresses are added). Every call here dumps before it sends anything, so nothing has changed when that happens.
   */
  private static <T> T timed(List<Row> out, String benchmark, int round, Supplier<T> call) {
    return timed(out, benchmark, round, 1, call);
  }

  /** Times {@code calls} ipvs4j calls back to back (again from the first if a dump is interrupted), as one each. */
  private static <T> T timed(List<Row> out, String benchmark, int round, int calls, Supplier<T> call) {
    while (true) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try {
        T result = call.get();
        for (int i = 1; i < calls; i++) {
          result = call.get();
        }
        add(out, benchmark, "ipvs4j", round, Took.since(t0, c0).per(calls));
        return result;
      } catch (NetDeviceException e) {
        if (!(e.getCause() instanceof NetlinkDumpInterruptedException)) {
          throw e;
        }
        interruptedDumps++;
      }
    }
  }

  /** The floor's add, list and delete as ipvs4j does them, then the bare list, add and delete. */
  private static void floorAddresses(String floor, int k, int round, List<Row> out)
      throws IOException, InterruptedException {
    String n = Integer.toString(k);
    add(out, "rtnl-addr-add", "floor", round, floor(floor, k, "addr-add", n, LINK));
    String lists = Integer.toString(LISTS);
    add(out, "rtnl-addr-list", "floor", round, floor(floor, k, "addr-list", LINK, lists).per(LISTS));
    add(out, "rtnl-addr-list", "floor-bare", round, floor(floor, k, "addr-list", LINK, "bare", lists).per(LISTS));
    add(out, "rtnl-addr-del", "floor", round, floor(floor, k, "addr-del", n, LINK));
    add(out, "rtnl-addr-add", "floor-bare", round, floor(floor, k, "addr-add", n, LINK, "bare"));
    add(out, "rtnl-addr-del", "floor-bare", round, floor(floor, k, "addr-del", n, LINK, "bare"));
  }

  private static boolean isVip(InterfaceAddress a) {
    return a.device().equals(LINK) && a.prefixLength() == (a.address() instanceof Inet4Address ? 32 : 128);
  }

  private static void check(String what, long got, long expected) {
    if (got != expected) {
      throw new IllegalStateException(what + " " + got + " addresses, expected " + expected);
    }
  }

  /**
   * Runs the floor (in this process's namespace) and returns the times of its {@code <mode>_ns NS COUNT} and
   * {@code <mode>_cpu_ns NS COUNT} lines, after checking COUNT.
   */
  private static Took floor(String floor, long expected, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(floor);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
    }
    String[] fields = out.split("\\s+", -1); // "<mode>_ns NS COUNT\n<mode>_cpu_ns NS COUNT"
    if (fields.length != 6 || Long.parseLong(fields[2]) != expected || Long.parseLong(fields[5]) != expected) {
      throw new IllegalStateException(String.join(" ", command) + " printed '" + out + "', expected a count of "
          + expected);
    }
    return new Took(Long.parseLong(fields[1]), Long.parseLong(fields[4]));
  }

  /** Address {@code i} of the scheme in the class comment (the floor's {@code address()}). */
  static InetAddress address(int i) throws UnknownHostException {
    byte[] b;
    if (i < IPV4_ADDRESSES) {
      byte[] net = IPV4_NETS[i / 254];
      b = new byte[] {net[0], net[1], net[2], (byte) (1 + i % 254)};
    } else {
      int n = i - IPV4_ADDRESSES + 1;
      b = new byte[16];
      b[0] = 0x20;
      b[1] = 0x01;
      b[2] = 0x0d;
      b[3] = (byte) 0xb8;
      b[14] = (byte) (n >> 8);
      b[15] = (byte) n;
    }
    return InetAddress.getByAddress(b);
  }

  private static String line(int round, int warmups, List<Row> rows) {
    StringBuilder s = new StringBuilder(round < 1 ? "warm-up " + (round + warmups) : "round " + round);
    String benchmark = "";
    for (Row r : rows) {
      if (r.benchmark.endsWith("-cpu")) {
        continue; // the summary has them
      }
      s.append(r.benchmark.equals(benchmark) ? ", " : "; " + r.benchmark + " ");
      benchmark = r.benchmark;
      s.append(String.format(Locale.ROOT, "%s %.2f ms", r.tool, r.nanos / 1e6));
    }
    return s.toString();
  }

  /** Appends the rows; writes the header first if the file is new or empty. */
  private static void writeCsv(Path csv, int k, List<Row> rows) throws IOException {
    try (PrintWriter w = ResultsCsv.append(csv)) {
      for (Row r : rows) {
        w.printf(Locale.ROOT, "%s,%s,%d,0,%d,%d,ns%n", r.benchmark, r.tool, k, r.round, r.nanos);
      }
    }
  }

  /** Medians per benchmark and tool, per operation, and each tool's ratio to ipvs4j's. */
  private static void summary(int k, List<Row> rows) {
    Map<String, Map<String, List<Long>>> times = new LinkedHashMap<>();
    for (Row r : rows) {
      times.computeIfAbsent(r.benchmark, b -> new LinkedHashMap<>())
          .computeIfAbsent(r.tool, t -> new ArrayList<>()).add(r.nanos);
    }
    System.out.printf(Locale.ROOT, "medians of %d rounds, K = %d:%n", times.values().iterator().next()
        .values().iterator().next().size(), k);
    times.forEach((benchmark, tools) -> {
      long ipvs4j = median(tools.get("ipvs4j"));
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-20s ipvs4j %8.3f ms (%6.2f us each)",
          benchmark, ipvs4j / 1e6, ipvs4j / 1e3 / k));
      tools.forEach((tool, t) -> {
        if (!tool.equals("ipvs4j")) {
          long m = median(t);
          s.append(String.format(Locale.ROOT, "; %s %.3f ms: ipvs4j/%s = %.2f", tool, m / 1e6, tool,
              (double) ipvs4j / m));
        }
      });
      System.out.println(s);
    });
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
