package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.textformat.ListingPrinter;
import io.github.ipvs4j.textformat.SaveParser;
import io.github.ipvs4j.textformat.SavePrinter;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and print throughput of the ipvsadm text format on one thread, over a save file of {@code services}
 * services with {@code destinations} destinations each (IPv4 and IPv6, all forwarding methods, persistence).
 *
 * <p>Each operation handles the whole text, so MB/s = text bytes / (time per operation); allocation per line =
 * {@code gc.alloc.rate.norm} / lines. Both figures are printed at setup. Run:
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main TextFormat -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// a fixed, pre-touched heap: first touches of fresh heap pages otherwise add noise of the order of the result
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TextFormatBenchmark {

  /** Number of services. */
  @Param({"1000"})
  public int services;

  /** Destinations per service. */
  @Param({"100"})
  public int destinations;

  private IpvsTable table;
  private List<ServiceDetails> details;
  private String text;
  private final SaveParser parser = SaveParser.create();
  private final SavePrinter printer = SavePrinter.numeric();
  private final ListingPrinter listing = ListingPrinter.numeric();
  private final IpvsInfo info = new IpvsInfo(0x010201, 4096);

  /** Builds the table and its text. */
  @Setup(Level.Trial)
  public void setUp() throws UnknownHostException {
    List<ServiceConfig> configs = new ArrayList<>();
    for (int s = 0; s < services; s++) {
      boolean v6 = s % 4 == 3;
      InetAddress vip = v6
          ? InetAddress.getByName("2001:db8:" + Integer.toHexString(s) + "::1")
          : InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, (byte) s});
      // documentation addresses only: 256 IPv4 VIPs at most, so the port keeps the keys apart
      ServiceKey key = new ServiceKey.Inet(s % 2 == 0 ? Protocol.TCP : Protocol.UDP, vip, 80 + s);
      VirtualService v = VirtualService.builder(key).scheduler(Scheduler.WRR).build();
      if (s % 3 == 0) {
        v = v.withPersistence(Persistence.of(Duration.ofSeconds(300)));
      }
      List<Destination> dests = new ArrayList<>();
      for (int d = 0; d < destinations; d++) {
        InetAddress rip = v6
            ? InetAddress.getByName("2001:db8:ffff:" + Integer.toHexString(s) + "::" + Integer.toHexString(d + 1))
            : realServerV4(d);
        ForwardingMethod m = ForwardingMethod.values()[d % 3 == 0 ? 0 : d % 3 == 1 ? 2 : 3];
        Optional<Tunnel> t = m == ForwardingMethod.TUNNEL ? Optional.of(Tunnel.IPIP) : Optional.empty();
        int port = m == ForwardingMethod.MASQUERADE ? 8000 + d : key instanceof ServiceKey.Inet i ? i.port() : 0;
        dests.add(new Destination(rip, port, m, 1 + d % 50, 0, 0, t));
      }
      configs.add(new ServiceConfig(v, dests));
    }
    table = new IpvsTable(configs, Optional.empty(), List.of());
    details = ListingPrinter.withZeroCounters(table);
    text = printer.print(table);
    long lines = text.lines().count();
    System.out.printf("%n[text-format] %d lines, %d bytes (%.1f bytes/line)%n", lines,
        text.getBytes(StandardCharsets.UTF_8).length, (double) text.length() / lines);
  }

  /** Bytes of the save text (what the parsers read and {@link #printSave} writes). */
  long saveBytes() {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Bytes of the listing {@link #printListing} writes. */
  long listingBytes() {
    return printListing().getBytes(StandardCharsets.UTF_8).length;
  }

  /** Lines of the save text. */
  long lines() {
    return text.lines().count();
  }

  /** The {@code d}th IPv4 real server: in 198.51.100.0/24, then 192.0.2.0/24, then 203.0.113.0/24 (768 in all). */
  private static InetAddress realServerV4(int d) throws UnknownHostException {
    byte[][] nets = {{(byte) 198, 51, 100}, {(byte) 192, 0, 2}, {(byte) 203, 0, 113}};
    byte[] net = nets[d / 256 % nets.length];
    return InetAddress.getByAddress(new byte[] {net[0], net[1], net[2], (byte) d});
  }

  /** Parses the whole save text into its list of commands. */
  @Benchmark
  public List<IpvsCommand> parseCommands() {
    return parser.parseCommands(text);
  }

  /** Parses the save text from a Reader, streamed in bounded memory as a file would be. */
  @Benchmark
  public void parseCommandsStreamed(Blackhole bh) {
    parser.stream(new StringReader(text), bh::consume);
  }

  /** Parses the whole save text into an {@link IpvsTable}. */
  @Benchmark
  public IpvsTable parseTable() {
    return parser.parseTable(text);
  }

  /** Prints the table as {@code ipvsadm -S -n}. */
  @Benchmark
  public String printSave() {
    return printer.print(table);
  }

  /** Prints the listing {@code ipvsadm -L -n} from status values. */
  @Benchmark
  public String printListing() {
    return listing.list(info, details);
  }

  /** For a quick check without JMH: parses and prints once and reports whether the text survives. */
  public static void main(String[] args) throws Exception {
    TextFormatBenchmark b = new TextFormatBenchmark();
    b.services = 1000;
    b.destinations = 100;
    b.setUp();
    List<IpvsCommand> commands = b.parser.parseCommands(b.text);
    System.out.println(commands.size() + " commands; round trip "
        + b.printer.print(b.parser.parseTable(b.text)).equals(b.text));
  }
}
