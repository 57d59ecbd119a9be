package io.github.ipvs4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kernel tier: the harness itself, checked against the real kernel and the real ipvsadm. */
class HarnessKernelTest {

  @KernelTest
  void procNetIpVsShowsTheIpvsHeader() throws IOException {
    String text = Files.readString(KernelEnvironment.PROC_NET_IP_VS);

    assertThat(text)
        .startsWith("IP Virtual Server version ")
        .contains("Prot LocalAddress:Port Scheduler Flags");
    assertThat(KernelEnvironment.tier()).isPresent();
  }

  @KernelTest
  void serviceAddedWithIpvsadmShowsInSave(Ipvsadm ipvsadm) {
    assertThat(ipvsadm.save()).isEmpty();

    ipvsadm.exec("-A", "-t", "192.0.2.1:80", "-s", "rr");

    assertThat(ipvsadm.save()).isEqualTo("-A -t 192.0.2.1:80 -s rr\n");
  }

  @KernelTest
  void masqueradedDestinationShowsInSave(Ipvsadm ipvsadm) {
    ipvsadm.exec("-A", "-t", "192.0.2.10:80", "-s", "wrr");
    ipvsadm.exec("-a", "-t", "192.0.2.10:80", "-r", "198.51.100.11:8080", "-m", "-w", "3");

    assertThat(ipvsadm.save())
        .isEqualTo("-A -t 192.0.2.10:80 -s wrr\n-a -t 192.0.2.10:80 -r 198.51.100.11:8080 -m -w 3\n");
  }

  @KernelTest
  void eachTestNamespaceStartsEmptyAndStaysApart(TestNetns netns, Ipvsadm ipvsadm) {
    ipvsadm.exec("-A", "-u", "203.0.113.5:53", "-s", "lc");

    try (TestNetns other = TestNetns.create()) {
      assertThat(other.name()).isNotEqualTo(netns.name());
      assertThat(Ipvsadm.in(other).save()).isEmpty();
    }
    assertThat(Ipvsadm.inCurrentNamespace().save()).doesNotContain("203.0.113.5");
    assertThat(ipvsadm.save()).isEqualTo("-A -u 203.0.113.5:53 -s lc\n");
  }

  @KernelTest
  void closingTheNamespaceDeletesIt() {
    TestNetns netns = TestNetns.create();
    Path path = netns.path();
    assertThat(path).exists();
    assertThat(netns.exec("ip", "-o", "link", "show", "lo").orThrow().stdout()).contains("UP");

    netns.close();

    assertThat(path).doesNotExist();
    assertThat(Command.run("ip", "netns", "list").stdout()).doesNotContain(netns.name());
  }

  @KernelTest
  void ipvsadmReportsKernelErrorsWithAStatus(Ipvsadm ipvsadm) {
    ipvsadm.exec("-A", "-t", "192.0.2.1:80", "-s", "rr");

    CommandResult again = ipvsadm.run("-A", "-t", "192.0.2.1:80", "-s", "rr");

    assertThat(again.exitStatus()).isNotZero();
    assertThat(again.stderr()).contains("Service already exists");
  }
}
