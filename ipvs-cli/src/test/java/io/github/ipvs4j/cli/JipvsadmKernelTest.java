package io.github.ipvs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.Ipvs;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.testkit.CommandResult;
import io.github.ipvs4j.testkit.KernelTest;
import io.github.ipvs4j.testkit.TestNetns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kernel tier, differential: the same command lines run through the real {@code ipvsadm} in one fresh namespace and
 * through {@link Jipvsadm} in another give the same exit statuses, the same kernel error messages and the same table
 * ({@code ipvsadm -Sn} of each); then every listing of jipvsadm prints ipvsadm's bytes for the same state.
 */
class JipvsadmKernelTest {
  /** Lines that succeed and lines that fail, each for a reason ipvsadm has. */
  private static final List<String> LINES = List.of(
      "-A -t 192.0.2.1:80 -s rr",
      "-A -t 192.0.2.1:80 -s rr", // exists
      "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 2",
      "-a -t 192.0.2.1:80 -r 198.51.100.2:8080 -m -w 3 -x 100 -y 10",
      "-a -t 192.0.2.1:80 -r 198.51.100.3 -i",
      "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g", // destination exists
      "-a -t 192.0.2.9:80 -r 198.51.100.1:80 -g", // service not defined
      "-e -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 7",
      "-e -t 192.0.2.1:80 -r 198.51.100.9:80 -g", // no such destination
      "-e -t 192.0.2.1:80 -r 198.51.100.1:80 -g -x 17 -y 18", // lower threshold above upper: the kernel's ERANGE
      "-d -t 192.0.2.1:80 -r 198.51.100.3",
      "-d -t 192.0.2.1:80 -r 198.51.100.3", // no such destination
      "-A -u 192.0.2.2:53 -s sh -b sh-fallback,sh-port -o",
      "-a -u 192.0.2.2:53 -r 198.51.100.4:53 -m",
      "-A -t [2001:db8::1]:443 -s wlc -p 600 -M 64",
      "-a -t [2001:db8::1]:443 -r [2001:db8::a]:443 -m -w 5",
      "-A -f 7 -s lc -p",
      "-a -f 7 -r 198.51.100.5:0 -g",
      "-A -f 8 -6 -s mh -b mh-port",
      "-A -t 192.0.2.3:80 -s nosuch", // scheduler not found
      "-A -t 192.0.2.3", // port 0 without persistence: refused before sending
      "-E -t 192.0.2.9:80 -s rr", // no such service
      "-E -t 192.0.2.1:80 -s wrr -p 300",
      "-D -t 192.0.2.9:80", // no such service
      "-Z -t 192.0.2.9:80", // no such service
      "-Z",
      "--set 900 120 300",
      "--stop-daemon master", // no daemon
      "-D -u 192.0.2.2:53");

  /** Refused command lines, one for each check ipvsadm makes, in an order where each meets the state it needs. */
  private static final List<String> REFUSALS = List.of(
      "-A -t 192.0.2.1:80 -s rr",
      "-a -t 192.0.2.1:80 -r 198.51.100.1",
      "-A -t 192.0.2.1:80 --bogus", "-A -t 192.0.2.1:80 -q", "-A -t 192.0.2.1:80 --timeout=5 -s rr",
      "-A -t 192.0.2.1:80 -s", "-x", "-t 192.0.2.1:80", "--start-daemon master --mcast-interface",
      "-A -t 192.0.2.1 -s rr", "-A -t 192.0.2.1:70000 -s rr", "-A -t 192.0.2.300:80 -s rr",
      "-A -t 192.0.2.2:80 -p 0", "-A -t 192.0.2.2:80 -p abc", "-A -t 192.0.2.2:80 -b bogus-flag",
      "-A -t 192.0.2.2:80 -s rr -b sh-port", "-A -t 192.0.2.2:80 -s rr -b",
      "-A -t 192.0.2.2:80 -s rr -p 10 --pe waytoolongpersistenceenginename",
      "-A -t 192.0.2.2:80 -s rr -M 1.2.3.4.5 -p 10", "-A -f 5 -6 -s rr -M 200 -p 10",
      "-A -f 0 -s rr", "-A -f abc -s rr", "-A -t [2001:db8::1]:80 -6 -s rr", "-A", "-A -s rr",
      "-A -t 192.0.2.2:80 -u 192.0.2.2:53 -s rr", "-A -E -t 192.0.2.2:80", "-A -t 192.0.2.3:80 -s rr --add-service",
      "-A -t 192.0.2.3:80 -s rr -f 5", "-A -t 192.0.2.3:80 -s rr -r 198.51.100.1", "-A -t 192.0.2.3:80 -s rr extra",
      "-A -t 192.0.2.3:80 -s rr -o", "-A -t 192.0.2.3:80 -s rr -p 10 -p 20", "-E -t 192.0.2.9:80 -r 198.51.100.1",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -w -1", "-a -t 192.0.2.1:80 -r 198.51.100.2 -w abc",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -w 70000",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -x -1", "-a -t 192.0.2.1:80 -r 198.51.100.2 -y x", "-a -t 192.0.2.1:80",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -g -m", "-a -t 192.0.2.1:80 -r 198.51.100.2:abc",
      "-a -t 192.0.2.1:80 -r 2001:db8::1", "-a -t 192.0.2.1:80 -r 198.51.100.2 -s rr",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 --tun-type bogus -i", "-a -t 192.0.2.1:80 -r 198.51.100.2 --tun-type gue -i",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 --tun-port 5 -i", "-a -t 192.0.2.1:80 -r 198.51.100.2 --tun-nocsum -i",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 --tun-type ipip",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -i --tun-type gue --tun-port 0",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -i --tun-type gue --tun-port 5 --tun-csum --tun-nocsum",
      "-a -t 192.0.2.1:80 -r 198.51.100.2 -i --tun-type gre --tun-port 5",
      "-D", "-d -t 192.0.2.1:80", "-C -t 192.0.2.1:80", "-Z -r 198.51.100.1", "--set 1 2", "--set a b c",
      "--start-daemon bogus", "--stop-daemon bogus", "--start-daemon master --syncid 300",
      "--start-daemon master --mcast-group 300.1.1.1", "--start-daemon master --mcast-port 0",
      "--start-daemon master --mcast-ttl 0", "--start-daemon master --sync-maxlen 0",
      "-L -c --stats", "-L --timeout --persistent-conn", "-L -n -n", "-L -t 192.0.2.1:80 -s rr",
      "-S -t 192.0.2.1:80");

  @KernelTest
  void everyRefusalSaysWhatIpvsadmSays(TestNetns viaIpvsadm) {
    try (TestNetns viaJipvsadm = TestNetns.create()) {
      for (String line : REFUSALS) {
        assertSameOutcome(viaIpvsadm, viaJipvsadm, line, "");
      }
    }
  }

  private static final List<String> LISTINGS = List.of(
      "-Sn", "-Ln", "-Ln --stats", "-Ln --rate", "-Ln --exact --stats", "-Ln --thresholds", "-Ln --persistent-conn",
      "-Ln --tun-info", "-Ln --nosort", "-L -n --timeout", "-Ln -t 192.0.2.1:80", "-Ln -f 7");

  private record Run(int status, String stdout, String stderr) {}

  private static Run jipvsadm(TestNetns netns, String line, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Jipvsadm cli = new Jipvsadm(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        options -> Ipvs.open(IpvsOptions.defaults().withNetworkNamespacePath(netns.path())),
        options -> Jipvsadm.readConnectionTable(IpvsOptions.defaults().withNetworkNamespacePath(netns.path())));
    int status = cli.run(Arrays.asList(line.split(" ")));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run ipvsadm(TestNetns netns, String line) {
    List<String> argv = new ArrayList<>(List.of("ipvsadm"));
    argv.addAll(Arrays.asList(line.split(" ")));
    CommandResult r = netns.exec(argv.toArray(String[]::new));
    return new Run(r.exitStatus(), r.stdout(), r.stderr());
  }

  /**
   * Runs {@code line} through ipvsadm in one namespace and jipvsadm in the other: the same exit status, the same
   * stderr (kernel refusals and command-line refusals alike) and the same {@code ipvsadm -Sn} afterwards.
   */
  private static void assertSameOutcome(TestNetns viaIpvsadm, TestNetns viaJipvsadm, String line, String context) {
    Run expected = ipvsadm(viaIpvsadm, line);
    Run actual = jipvsadm(viaJipvsadm, line, "");
    String why = context + "line: " + line + " (ipvsadm said " + expected + ")";
    assertThat(actual.status()).as(why).isEqualTo(expected.status());
    assertThat(actual.stderr()).as(why).isEqualTo(expected.stderr());
    assertThat(ipvsadm(viaJipvsadm, "-Sn").stdout())
        .as("after " + why)
        .isEqualTo(ipvsadm(viaIpvsadm, "-Sn").stdout());
  }

  @KernelTest
  void theSameCommandLinesLeaveTheSameTableWithTheSameStatusesAndMessages(TestNetns viaIpvsadm) {
    try (TestNetns viaJipvsadm = TestNetns.create()) {
      for (String line : LINES) {
        assertSameOutcome(viaIpvsadm, viaJipvsadm, line, "");
      }
      for (String listing : LISTINGS) {
        Run expected = ipvsadm(viaJipvsadm, listing);
        Run actual = jipvsadm(viaJipvsadm, listing, "");
        assertThat(expected.status()).as(listing).isZero();
        assertThat(actual).as(listing).isEqualTo(expected);
      }
      // beyond ipvsadm: --json lists every service and destination the kernel has
      String save = ipvsadm(viaJipvsadm, "-Sn").stdout();
      String json = jipvsadm(viaJipvsadm, "-Ln --json", "").stdout();
      assertThat(count(json, "\"destinations\":[")).isEqualTo(count(save, "-A "));
      assertThat(count(json, "\"forwarding\":")).isEqualTo(count(save, "-a "));
      assertThat(json).contains("\"address\":\"2001:db8::a\",\"port\":443,\"forwarding\":\"MASQUERADE\"");
      // beyond ipvsadm: -S --thresholds keeps them, and ipvsadm -R reads them back
      String withThresholds = jipvsadm(viaJipvsadm, "-Sn --thresholds", "").stdout();
      assertThat(withThresholds).contains("-r 198.51.100.2:8080 -m -w 3 -x 100 -y 10");
      try (TestNetns copy = TestNetns.create()) {
        CommandResult restored = copy.exec("sh", "-c", "printf '%s' \"$0\" | ipvsadm -R && ipvsadm -Sn", withThresholds);
        assertThat(restored.stdout()).isEqualTo(ipvsadm(viaJipvsadm, "-Sn").stdout());
        assertThat(ipvsadm(copy, "-Ln --thresholds")).isEqualTo(ipvsadm(viaJipvsadm, "-Ln --thresholds"));
      }
      Run missing = jipvsadm(viaJipvsadm, "-Ln -t 192.0.2.9:80", "");
      assertThat(missing).isEqualTo(ipvsadm(viaJipvsadm, "-Ln -t 192.0.2.9:80"));
    }
  }

  /**
   * Random command lines over a few services and servers, so that adds, edits and deletes meet existing and missing
   * entries in every order; about one in six is refused before anything is sent.
   */
  static List<String> generatedLines(long seed, int count) {
    java.util.Random r = new java.util.Random(seed);
    String[] services = {"-t 192.0.2.10:80", "-u 192.0.2.11:53", "-t [2001:db8::10]:443", "-f 21", "-f 22 -6"};
    String[] v4servers = {"198.51.100.21", "198.51.100.22:8080", "203.0.113.23"};
    String[] v6servers = {"[2001:db8::21]", "[2001:db8::22]:8443"};
    String[] schedulers = {"rr", "wrr", "lc", "wlc", "sh", "mh", "sed", "nq", "fo", "ovf", "nosuch"};
    String[] methods = {"-g", "-m", "-i"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int s = r.nextInt(services.length);
      String service = services[s];
      boolean v6 = service.contains("2001:db8") || service.endsWith("-6");
      String server = v6 ? v6servers[r.nextInt(v6servers.length)] : v4servers[r.nextInt(v4servers.length)];
      String weight = " -w " + (r.nextInt(6) == 0 ? "-1" : Integer.toString(r.nextInt(20)));
      lines.add(switch (r.nextInt(10)) {
        case 0, 1 -> "-A " + service + " -s " + schedulers[r.nextInt(schedulers.length)]
            + (r.nextBoolean() ? " -p " + (60 + r.nextInt(600)) : "");
        case 2 -> "-E " + service + " -s " + schedulers[r.nextInt(schedulers.length)];
        case 3 -> "-D " + service;
        case 4, 5 -> "-a " + service + " -r " + server + " " + methods[r.nextInt(3)] + weight;
        case 6 -> "-e " + service + " -r " + server + " " + methods[r.nextInt(3)] + weight
            + (r.nextBoolean() ? " -x " + (10 + r.nextInt(90)) + " -y " + r.nextInt(20) : "");
        case 7 -> "-d " + service + " -r " + server;
        case 8 -> r.nextBoolean() ? "-Z " + service : "-Z";
        default -> r.nextInt(4) == 0 ? "-C" : "-A " + service + " -s rr";
      });
    }
    return lines;
  }

  @KernelTest
  void generatedCommandLinesLeaveTheSameTable(TestNetns viaIpvsadm) {
    long seed = System.nanoTime();
    try (TestNetns viaJipvsadm = TestNetns.create()) {
      for (String line : generatedLines(seed, 60)) {
        assertSameOutcome(viaIpvsadm, viaJipvsadm, line, "seed " + seed + ", ");
      }
      assertThat(jipvsadm(viaJipvsadm, "-Ln", "")).isEqualTo(ipvsadm(viaJipvsadm, "-Ln"));
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @KernelTest
  void restoreReadsWhatIpvsadmSaves(TestNetns source) {
    for (String line : LINES) {
      ipvsadm(source, line);
    }
    String save = ipvsadm(source, "-Sn").stdout();
    assertThat(save).contains("-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 7");
    try (TestNetns target = TestNetns.create()) {
      assertThat(jipvsadm(target, "-R", save)).isEqualTo(new Run(0, "", ""));
      assertThat(ipvsadm(target, "-Sn").stdout()).isEqualTo(save);
      assertThat(jipvsadm(target, "-Sn", "").stdout()).isEqualTo(save);
      // a refused line ends the restore with status 2, after the lines before it were applied: as ipvsadm -R
      String input = "-C\n-A -t 192.0.2.5:80 -s rr\n-A -t 192.0.2.6 -s rr\n-A -t 192.0.2.7:80\n";
      Run refused = jipvsadm(target, "-R", input);
      assertThat(refused).isEqualTo(new Run(Jipvsadm.BAD_COMMAND_LINE, "",
          "Zero port specified for non-persistent service\n"));
      assertThat(ipvsadm(target, "-Sn").stdout()).isEqualTo("-A -t 192.0.2.5:80 -s rr\n");
      CommandResult real = source.exec("sh", "-c", "printf '%s' \"$0\" | ipvsadm -R; s=$?; ipvsadm -Sn; exit $s", input);
      assertThat(new Run(real.exitStatus(), real.stdout(), real.stderr()))
          .isEqualTo(new Run(refused.status(), "-A -t 192.0.2.5:80 -s rr\n", refused.stderr()));
      // option errors and kernel refusals are reported and the restore goes on, in line order; the status is the
      // last line's: the same as ipvsadm -R, on the same starting table
      for (String last : List.of("-A -t 192.0.2.13:80 -s rr", "-A -t 192.0.2.10:80 -s rr", "-A -t 192.0.2.14 --bogus",
          "-x 5", "-A -t 192.0.2.15")) {
        String mixed = String.join("\n", "-C", "-A -t 192.0.2.10:80 -s rr", "-A -t 192.0.2.11:80 --bogus",
            "-A -t 192.0.2.10:80 -s wlc", "-a -t 192.0.2.10:80 -r 198.51.100.1 -x 5 -y 9",
            "-a -t 192.0.2.99:80 -r 198.51.100.1 -x 5 -y 9", "", "ipvsadm -a -t 192.0.2.10:80 -r 198.51.100.2 -m",
            "-a -t 192.0.2.10:80 -r 198.51.100.3 -w", "-A -t 192.0.2.12:80 -s rr", last, "-A -t 192.0.2.16:80") + "\n";
        Run mine = jipvsadm(target, "-R", mixed);
        CommandResult theirs = copyOf(source, mixed);
        assertThat(mine).as(mixed).isEqualTo(new Run(theirs.exitStatus(), "", theirs.stderr()));
        assertThat(ipvsadm(target, "-Sn").stdout()).as(mixed).isEqualTo(ipvsadm(source, "-Sn").stdout());
      }
    }
  }

  /**
   * {@code -L -c}: real entries in the kernel's connection table (local clients connect to the VIPs, and IPVS schedules
   * locally made connections too; the scheduled packets leave by a dummy device), listed by both tools. The expiry
   * column counts down each second, so a pair of listings taken across a second boundary is taken again.
   */
  @KernelTest
  void theConnectionTableListsAsIpvsadmListsIt(TestNetns netns) throws Exception {
    netns.exec("sh", "-c", String.join(" && ",
        "ip link add dummy0 type dummy", "ip link set dummy0 up", "ip addr add 192.0.2.1/24 dev dummy0",
        "ip route add 198.51.100.0/24 dev dummy0", "ip -6 addr add 2001:db8::1/64 dev dummy0 nodad",
        "ip -6 route add 2001:db8:1::/64 dev dummy0")).orThrow();
    for (String line : List.of("-A -t 192.0.2.10:80 -s rr", "-a -t 192.0.2.10:80 -r 198.51.100.11:8080 -m",
        "-a -t 192.0.2.10:80 -r 198.51.100.12:8080 -m", "-A -u 192.0.2.10:53 -s rr -p 60",
        "-a -u 192.0.2.10:53 -r 198.51.100.13:53 -m", "-A -t [2001:db8::10]:443 -s rr",
        "-a -t [2001:db8::10]:443 -r [2001:db8:1::11]:443 -m")) {
      assertThat(ipvsadm(netns, line).status()).as(line).isZero();
    }
    List<java.io.Closeable> open = io.github.ipvs4j.sysctl.NetNamespace.of(netns.path()).call(() -> {
      List<java.io.Closeable> channels = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          channels.add(connect(new java.net.InetSocketAddress("192.0.2.10", 80)));
        }
        channels.add(connect(new java.net.InetSocketAddress("2001:db8::10", 443)));
        for (int i = 0; i < 2; i++) {
          java.nio.channels.DatagramChannel udp = java.nio.channels.DatagramChannel.open();
          udp.send(java.nio.ByteBuffer.wrap(new byte[] {1}), new java.net.InetSocketAddress("192.0.2.10", 53));
          channels.add(udp);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return channels;
    });
    try {
      for (String listing : List.of("-Lnc", "-L -n -c --persistent-conn", "-l -c -n")) {
        Run expected = null;
        Run actual = null;
        for (int attempt = 0; attempt < 5 && (actual == null || !actual.equals(expected)); attempt++) {
          expected = ipvsadm(netns, listing);
          actual = jipvsadm(netns, listing, "");
        }
        assertThat(actual).as(listing).isEqualTo(expected);
        // 4 TCP and 1 TCP over IPv6, 2 UDP datagrams from one socket (one entry) and the persistence template
        assertThat(expected.stdout().lines().filter(l -> l.startsWith("TCP ")).count()).as(listing).isEqualTo(5);
        assertThat(expected.stdout()).as(listing).contains("[2001:db8::10]:443", "192.0.2.10:53");
      }
    } finally {
      for (java.io.Closeable c : open) {
        c.close();
      }
    }
  }

  /** A TCP connection attempt left pending: the SYN is sent and scheduled, the answer never comes. */
  private static java.nio.channels.SocketChannel connect(java.net.InetSocketAddress to) throws java.io.IOException {
    java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open();
    c.configureBlocking(false);
    c.connect(to);
    return c;
  }

  /** Sync daemons (on a veth, which can multicast) and SCTP services, through both tools. */
  @KernelTest
  void daemonsAndSctpServicesAsIpvsadmRunsThem(TestNetns viaIpvsadm) {
    try (TestNetns viaJipvsadm = TestNetns.create()) {
      for (TestNetns n : List.of(viaIpvsadm, viaJipvsadm)) {
        n.exec("sh", "-c", "ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up")
            .orThrow();
      }
      for (String line : List.of("--start-daemon master --mcast-interface v0 --syncid 7",
          "--start-daemon master --mcast-interface v0",
          "--start-daemon backup --mcast-interface v0 --syncid 7 --mcast-port 8849 --mcast-ttl 2 --sync-maxlen 1400",
          "--start-daemon backup --mcast-interface v0 --mcast-group 239.1.2.3",
          "-A --sctp-service 192.0.2.5:3868 -s rr", "-a --sctp-service 192.0.2.5:3868 -r 198.51.100.1 -m -w 3",
          "-A --sctp-service 192.0.2.5:3868 -s rr")) {
        assertSameOutcome(viaIpvsadm, viaJipvsadm, line, "");
      }
      for (String listing : List.of("-L --daemon", "-Ln", "-Sn", "-Ln --sctp-service 192.0.2.5:3868")) {
        Run expected = ipvsadm(viaJipvsadm, listing);
        assertThat(expected.stdout()).as(listing).isNotEmpty();
        assertThat(jipvsadm(viaJipvsadm, listing, "")).as(listing).isEqualTo(expected);
      }
      for (String line : List.of("--stop-daemon master", "--stop-daemon master")) {
        assertSameOutcome(viaIpvsadm, viaJipvsadm, line, "");
      }
      assertThat(jipvsadm(viaJipvsadm, "-L --daemon", "")).isEqualTo(ipvsadm(viaJipvsadm, "-L --daemon"));
    }
  }

  /** {@code ipvsadm -R} of {@code input} in {@code netns}: its status and stderr (stdout empty). */
  private static CommandResult copyOf(TestNetns netns, String input) {
    return netns.exec("sh", "-c", "printf '%s' \"$0\" | ipvsadm -R", input);
  }

  /** Beyond ipvsadm: {@code -R --atomic} applies all or nothing. */
  @KernelTest
  void anAtomicRestoreIsAllOrNothing(TestNetns netns) {
    for (String line : List.of("-A -t 192.0.2.1:80 -s rr -p 300", "-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 2",
        "-A -f 9 -s sh -b sh-port", "--set 900 120 300")) {
      assertThat(ipvsadm(netns, line).status()).as(line).isZero();
    }
    String before = ipvsadm(netns, "-Sn").stdout() + ipvsadm(netns, "-L --timeout").stdout();

    // the kernel refuses the last line: everything else is undone
    String refusedByKernel = String.join("\n", "-A -t 192.0.2.2:80 -s wlc", "-a -t 192.0.2.2:80 -r 198.51.100.2 -m",
        "-e -t 192.0.2.1:80 -r 198.51.100.1 -m -w 5", "-a -t 192.0.2.1:80 -r 198.51.100.3 -g", "-D -f 9",
        "--set 100 100 100", "-a -t 192.0.2.9:80 -r 198.51.100.4") + "\n";
    Run undone = jipvsadm(netns, "-R --atomic", refusedByKernel);
    assertThat(undone.status()).isEqualTo(Jipvsadm.KERNEL_REFUSED);
    assertThat(undone.stderr()).startsWith("Service not defined\njipvsadm: --atomic: 1 of 7 lines refused; the "
        + "others were undone (");
    assertThat(ipvsadm(netns, "-Sn").stdout() + ipvsadm(netns, "-L --timeout").stdout()).isEqualTo(before);

    // a line refused before sending: nothing is sent
    Run unsent = jipvsadm(netns, "-R --atomic", "-A -t 192.0.2.3:80 -s rr\n-a -t 192.0.2.3:80 -r 198.51.100.5 -w x\n");
    assertThat(unsent).isEqualTo(new Run(Jipvsadm.BAD_COMMAND_LINE, "",
        "illegal weight specified\njipvsadm: --atomic: nothing applied (line 2 refused)\n"));
    assertThat(ipvsadm(netns, "-Sn").stdout() + ipvsadm(netns, "-L --timeout").stdout()).isEqualTo(before);

    // all accepted: all applied, as without --atomic
    assertThat(jipvsadm(netns, "-R --atomic", "-D -f 9\n-A -t 192.0.2.3:80 -s rr\n")).isEqualTo(new Run(0, "", ""));
    assertThat(ipvsadm(netns, "-Sn").stdout()).isEqualTo("""
        -A -t 192.0.2.1:80 -s rr -p 300
        -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m -w 2
        -A -t 192.0.2.3:80 -s rr
        """);
  }
}
