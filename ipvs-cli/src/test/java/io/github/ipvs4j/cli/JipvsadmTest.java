package io.github.ipvs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.testing.InMemoryIpvsClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Host tier: command lines refused before anything is sent never open a client, and say why. */
class JipvsadmTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Function<IpvsOptions, IpvsClient> noClient = o -> {
    throw new AssertionError("a client was opened for a refused command line");
  };

  private int run(String... args) {
    return new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), noClient).run(List.of(args));
  }

  @Test
  void portZeroWithoutPersistenceIsRefusedWithStatus2InIpvsadmsWords() {
    assertThat(run("-A", "-t", "192.0.2.1", "-s", "rr")).isEqualTo(Jipvsadm.BAD_COMMAND_LINE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Zero port specified for non-persistent service\n");
  }

  @Test
  void anUnknownOptionIsAnOptionErrorWithStatus255() {
    assertThat(run("-A", "-t", "192.0.2.1:80", "--bogus")).isEqualTo(255);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("--bogus: unknown option\n");
  }

  @Test
  void noCommandAndAMissingNamespaceNameAreRefused() {
    assertThat(run("-t", "192.0.2.1:80")).isEqualTo(255);
    assertThat(run("-Ln", "--netns")).isEqualTo(Jipvsadm.BAD_COMMAND_LINE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n", "--netns needs");
  }

  @Test
  void versionAndHelpNeedNoKernel() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Jipvsadm cli = new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), noClient);
    assertThat(cli.run(List.of("-v"))).isZero();
    assertThat(cli.run(List.of("--help"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("jipvsadm ", "Usage: jipvsadm", "--netns NAME");
  }

  /**
   * ipvsadm sends a lower threshold above the upper one and the kernel says ERANGE, or, first, that the service is
   * missing; jipvsadm answers alike without sending the line (it only looks the service up).
   */
  @Test
  void thresholdsOutOfOrderAnswerAsTheKernelDoes() {
    boolean[] serviceExists = {false};
    Function<IpvsOptions, IpvsClient> clients = o -> {
      InMemoryIpvsClient kernel = new InMemoryIpvsClient();
      if (serviceExists[0]) {
        kernel.service(ServiceKey.tcp("192.0.2.1", 80)).create();
      }
      return kernel;
    };
    String[] line = {"-a", "-t", "192.0.2.1:80", "-r", "198.51.100.1", "-x", "17", "-y", "18"};
    assertThat(new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), clients).run(List.of(line)))
        .isEqualTo(Jipvsadm.KERNEL_REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Service not defined\n");
    err.reset();
    serviceExists[0] = true;
    assertThat(new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), clients).run(List.of(line)))
        .isEqualTo(Jipvsadm.KERNEL_REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Numerical result out of range\n");
  }

  @Test
  void theConnectionTableIsListedFromItsProcTextWithoutAClient() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String proc = "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n"
        + "TCP C0000202 9D78 C000020A 0050 C633640B 1F90 TIME_WAIT       118\n";
    Jipvsadm cli = new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), noClient, o -> proc);
    assertThat(cli.run(List.of("-Lnc"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
        IPVS connection entries
        pro expire state       source             virtual            destination
        TCP 01:58  TIME_WAIT   192.0.2.2:40312    192.0.2.10:80      198.51.100.11:8080
        """);
    Jipvsadm noIpvs = new Jipvsadm(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), noClient, o -> {
          throw new java.io.FileNotFoundException("/proc/thread-self/net/ip_vs_conn");
        });
    assertThat(noIpvs.run(List.of("-L", "-c"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("cannot open file /proc/net/ip_vs_conn\n");
  }
}
