package io.github.ipvs4j.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.testkit.KernelTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Kernel tier (issue #8): every lab end to end in the VM, real HTTP through the real kernel's IPVS, with the tallies
 * LVS promises; afterwards no lab namespace is left.
 */
class LabsKernelTest {
  /** What a lab printed, also echoed to the test's output. */
  private String output;

  private <R> R run(Function<PrintStream, R> lab) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    R result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = lab.apply(out);
    } finally {
      output = bytes.toString(StandardCharsets.UTF_8);
      System.out.print(output);
    }
    assertThat(output).contains("# reverted: IPVS table flushed and empty, every recipe undone exactly");
    assertThat(labNamespaces()).isEmpty();
    return result;
  }

  private static Set<String> labNamespaces() {
    Path dir = Path.of("/run/netns");
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("lab-")).collect(
          java.util.stream.Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @KernelTest
  void natWeightedThenRoundRobin() {
    NatLab.Result r = run(NatLab::run);
    assertThat(r.weighted().total()).isEqualTo(400);
    assertThat(r.weighted().count("rs1")).isBetween(292, 308);
    assertThat(r.weighted().count("rs2")).isBetween(92, 108);
    assertThat(r.roundRobin().count("rs1")).isBetween(192, 208);
    assertThat(r.roundRobin().count("rs2")).isBetween(192, 208);
    assertThat(output).contains("TCP  192.0.2.10:80 wrr\n", "  -> 198.51.100.11:8080           Masq    3      0",
        "  -> 198.51.100.12:8080           Masq    1      0", "# wrr, weights 3:1: rs1: 300, rs2: 100");
  }

  @KernelTest
  void drRepliesBypassTheDirector() {
    DrLab.Result r = run(DrLab::run);
    assertThat(r.tally().count("rs1")).isBetween(96, 104);
    assertThat(r.tally().count("rs2")).isBetween(96, 104);
    assertThat(r.clientRxBytes()).isGreaterThanOrEqualTo(r.tally().replyBytes());
    // The director forwarded the requests only: a few per cent of what the client received.
    assertThat(r.directorTxBytes()).isPositive().isLessThan(r.clientRxBytes() / 5);
    assertThat(output).contains("  -> 192.0.2.11:80                Route   1");
  }

  @KernelTest
  void tunOverIpipAndGue() {
    TunLab.Result r = run(TunLab::run);
    assertThat(r.ipip().count("rs1")).isBetween(96, 104);
    assertThat(r.ipip().count("rs2")).isBetween(96, 104);
    // The VM's kernel has fou: GUE must run there.
    assertThat(r.gue()).hasValueSatisfying(t -> {
      assertThat(t.count("rs1")).isBetween(96, 104);
      assertThat(t.count("rs2")).isBetween(96, 104);
    });
    assertThat(output).contains("Tunnel  ipip", "Tunnel  gue:6080");
  }

  @KernelTest
  void persistenceKeepsTheServerAndAFwmarkGroupsTwoPorts() {
    PersistenceLab.Result r = run(PersistenceLab::run);
    assertThat(r.persistent().answers()).hasSize(1);
    assertThat(r.persistent().total()).isEqualTo(100);
    assertThat(r.fwmark().answers()).hasSize(1);
    assertThat(r.fwmark().total()).isEqualTo(100);
    assertThat(r.reusedPortAnswers()).containsExactly(r.persistent().answers().keySet().iterator().next(),
        r.fwmark().answers().keySet().iterator().next());
    assertThat(r.fwmarkConnections()).isEqualTo(101);
    assertThat(output).contains("TCP  192.0.2.10:80 rr persistent 300", "FWM  1 ");
  }

  @KernelTest
  void weightZeroDrainsAndRemovalMovesTraffic() {
    FailoverLab.Result r = run(FailoverLab::run);
    assertThat(r.both().count("rs1")).isBetween(46, 54);
    assertThat(r.both().count("rs2")).isBetween(46, 54);
    assertThat(r.drained().answers()).containsOnlyKeys("rs1");
    assertThat(r.drained().total()).isEqualTo(100);
    assertThat(r.heldAnswers()).containsExactlyInAnyOrder("rs1", "rs2");
    assertThat(r.removed().answers()).containsOnlyKeys("rs1");
    assertThat(output).contains("  -> 198.51.100.12:8080           Masq    0      1");
  }
}
