package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.textformat.ListingPrinter.Columns;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the real ipvsadm 1.31 (Debian 12, kernel 6.1) did with each of the lines in {@code oracle/cases.txt},
 * recorded by replaying each case with {@code ipvsadm -R} on an empty table: its exit status, its error output and
 * then {@code ipvsadm -Sn} (plus the threshold and tunnel columns of the listing). The parser must accept exactly
 * what ipvsadm accepted, refuse what it refused, and build the table ipvsadm built. Lines are separated by
 * {@code " ;; "} within a case.
 */
class IpvsadmOracleTest {
  /** ipvs_strerror texts: the line was read, the kernel refused it. */
  private static final Set<String> KERNEL_ERRORS = Set.of(
      "Scheduler or persistence engine not found",
      "No such destination",
      "No such service",
      "Service already exists",
      "Destination already exists",
      "Invalid operation.  Possibly wrong module version, address not unicast, ...",
      "Memory allocation problem",
      "Could not find the specified service",
      "Operation not permitted",
      "Invalid argument",
      "Numerical result out of range");

  private static final SaveParser PARSER = SaveParser.create()
      .withHostResolver(HostResolver.of(Map.of("localhost", InetAddress.getLoopbackAddress())));

  record Case(int number, String input, int rc, List<String> stderr, List<String> save, List<String> others) {}

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = IpvsadmOracleTest.class.getResourceAsStream("oracle/cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("=== case ")) {
        continue;
      }
      int colon = lines[i].indexOf(": ");
      int number = Integer.parseInt(lines[i].substring(9, colon));
      String input = lines[i].substring(colon + 2).replace(" ;; ", "\n");
      int j = i + 1;
      if (j >= lines.length || !lines[j].startsWith("rc=")) {
        continue; // a case cut short
      }
      int rc = Integer.parseInt(lines[j].substring(3));
      List<String> stderr = new ArrayList<>();
      List<String> save = new ArrayList<>();
      List<String> others = new ArrayList<>();
      String section = "";
      boolean complete = false;
      for (j++; j < lines.length && !lines[j].startsWith("=== "); j++) {
        String l = lines[j];
        if (l.startsWith("--- ")) {
          section = l;
          complete |= l.equals("--- Sn");
          continue;
        }
        if (section.equals("--- stderr")) {
          if (!l.isEmpty()) {
            stderr.add(l);
          }
        } else if (section.equals("--- Sn")) {
          if (l.startsWith("-A ") || l.startsWith("-a ")) {
            save.add(l);
          } else {
            others.add(l);
          }
        }
      }
      if (complete && j < lines.length) {
        out.add(new Case(number, input, rc, stderr, save, others));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> asIpvsadmDid() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest("case " + c.number + ": " + c.input.replace("\n", " ;; "),
        () -> check(c)));
  }

  /**
   * Where the parser deliberately differs from ipvsadm, by case text: comment lines are skipped (ipvsadm itself
   * refuses them; the ipvsadm-restore script strips them), and a lower threshold above the upper one is refused
   * when read (ipvsadm sends it and the kernel refuses it with ERANGE; the model cannot hold it); {@code -h} is
   * refused (ipvsadm prints its help and ends the restore there, with status 0).
   */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
      "-A -t 192.0.2.1:80\n-h\n-A -t 192.0.2.2:80", "refused",
      "# comment\n-A -t 192.0.2.1:80", "-A -t 192.0.2.1:80 -s wlc",
      "-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -x 5 -y 10", "refused");

  private static void check(Case c) {
    String known = KNOWN_DIFFERENCES.get(c.input);
    if (known != null) {
      if (known.equals("refused")) {
        assertThatThrownBy(() -> PARSER.parseCommands(c.input)).isInstanceOf(TextFormatException.class);
      } else {
        assertThat(SavePrinter.numeric().print(PARSER.parseTable(c.input)).strip()).isEqualTo(known);
      }
      return;
    }
    // ipvsadm -R goes on after a kernel error, and its status is the last line's
    boolean kernelRefused = !c.stderr.isEmpty() && KERNEL_ERRORS.contains(c.stderr.get(0));
    if (c.rc == 0 || kernelRefused) {
      // every line was read
      PARSER.parseCommands(c.input);
      if (c.rc == 0 && !kernelRefused) {
        IpvsTable table = PARSER.parseTable(c.input);
        assertThat(SavePrinter.numeric().print(table).lines().toList()).isEqualTo(c.save);
        List<ServiceDetails> details = ListingPrinter.withZeroCounters(table);
        List<String> expectedOthers = new ArrayList<>();
        for (String l : ListingPrinter.numeric().columns(Columns.THRESHOLDS).list(new io.github.ipvs4j.IpvsInfo(0, 0),
            details).split("\n")) {
          if (l.startsWith("  -> ") && !l.equals("  -> RemoteAddress:Port")) {
            expectedOthers.add(l);
          }
        }
        for (String l : ListingPrinter.numeric().columns(Columns.TUN_INFO).list(new io.github.ipvs4j.IpvsInfo(0, 0),
            details).split("\n")) {
          if (l.contains("Tunnel") && l.startsWith("  -> ") && !l.contains("RemoteAddress")) {
            expectedOthers.add(l);
          }
        }
        table.timeouts().map(t -> ListingPrinter.timeouts(Timeouts.ofSeconds(900, 120, 300).overriddenBy(t)))
            .filter(t -> !t.equals("Timeout (tcp tcpfin udp): 900 120 300\n"))
            .ifPresent(t -> expectedOthers.add(t.strip()));
        assertThat(c.others).isEqualTo(expectedOthers);
      }
      return;
    }
    // ipvsadm refused a line: so does the parser, and the lines before it built what ipvsadm -Sn showed
    assertThatThrownBy(() -> PARSER.parseCommands(c.input)).isInstanceOf(TextFormatException.class);
    String[] lines = c.input.split("\n", -1);
    StringBuilder prefix = new StringBuilder();
    for (String l : lines) {
      try {
        PARSER.parseCommands(l);
      } catch (TextFormatException e) {
        break;
      }
      prefix.append(l).append('\n');
    }
    if (c.rc == 2) {
      assertThat(SavePrinter.numeric().print(PARSER.parseTable(prefix.toString())).lines().toList())
          .isEqualTo(c.save);
    }
  }
}
