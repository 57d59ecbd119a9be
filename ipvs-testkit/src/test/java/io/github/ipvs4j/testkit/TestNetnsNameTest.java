package io.github.ipvs4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestNetnsNameTest {

  @Test
  void randomNamesAreValidPrefixedAndDistinct() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String name = TestNetns.randomName();
      assertThat(name).startsWith("ipvs4j-").hasSize("ipvs4j-".length() + 12);
      assertThat(TestNetns.isValidName(name)).isTrue();
      names.add(name);
    }
    assertThat(names).hasSize(1000);
  }

  @Test
  void nameValidation() {
    assertThat(TestNetns.isValidName("..")).isFalse();
    assertThat(TestNetns.isValidName("a/b")).isFalse();
    assertThat(TestNetns.isValidName("")).isFalse();
    assertThat(TestNetns.isValidName("x".repeat(64))).isFalse();
    assertThat(TestNetns.isValidName("ipvs4j-test_1.a")).isTrue();
  }

  @Test
  void commandsRunThroughIpNetnsExec() {
    TestNetns netns = TestNetns.existing("ipvs4j-0123456789ab");

    assertThat(netns.path()).hasToString("/run/netns/ipvs4j-0123456789ab");
    assertThat(netns.wrap(List.of("ipvsadm", "-Sn")))
        .containsExactly("ip", "netns", "exec", "ipvs4j-0123456789ab", "ipvsadm", "-Sn");
    assertThat(Ipvsadm.in(netns).commandLine(List.of("-A", "-t", "192.0.2.1:80")))
        .containsExactly("ip", "netns", "exec", "ipvs4j-0123456789ab", "ipvsadm", "-A", "-t", "192.0.2.1:80");
  }
}
