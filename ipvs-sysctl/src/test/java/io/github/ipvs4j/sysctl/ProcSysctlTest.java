package io.github.ipvs4j.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcSysctl over a directory tree shaped like /proc/sys (host tier; the kernel tier uses the real one). */
class ProcSysctlTest {
  @TempDir Path root;
  ProcSysctl sysctl;

  @BeforeEach
  void tree() throws IOException {
    for (String i : List.of("all", "default", "lo", "eth0")) {
      Path d = Files.createDirectories(root.resolve("net/ipv4/conf/" + i));
      Files.writeString(d.resolve("arp_ignore"), "0\n");
      Files.writeString(d.resolve("send_redirects"), "1\n");
    }
    Files.writeString(root.resolve("net/ipv4/ip_forward"), "0\n");
    Path vs = Files.createDirectories(root.resolve("net/ipv4/vs"));
    Files.writeString(vs.resolve("conntrack"), "0\n");
    Files.writeString(vs.resolve("expire_nodest_conn"), "0\n");
    Files.writeString(vs.resolve("est_cpulist"), "0-1\n");
    Files.createDirectories(vs.resolve("subdir"));
    sysctl = ProcSysctl.at(root, NetNamespace.current());
  }

  @Test
  void readsWithoutTheNewline() {
    assertThat(sysctl.get(LvsSysctls.IP_FORWARD.key())).isEqualTo("0");
    assertThat(sysctl.getInt(LvsSysctls.sendRedirects(ConfScope.of("eth0")))).isEqualTo(1);
  }

  @Test
  void ensureWritesOnlyWhenDifferentAndSaysWhatChanged() throws IOException {
    assertThat(sysctl.ensure(LvsSysctls.IP_FORWARD, 1))
        .contains(new SysctlChange(LvsSysctls.IP_FORWARD.key(), "0", "1"));
    assertThat(Files.readString(root.resolve("net/ipv4/ip_forward"))).isEqualTo("1");
    assertThat(sysctl.ensure(LvsSysctls.IP_FORWARD, 1)).isEmpty();
    assertThat(sysctl.ensure(SysctlKey.of("net/ipv4/vs/est_cpulist"), "0")).isPresent();
    assertThat(sysctl.ensureAll(Map.of(SysctlKey.of("net/ipv4/vs/est_cpulist"), "0"))).isEmpty();
  }

  @Test
  void rangeIsCheckedBeforeWriting() throws IOException {
    assertThatThrownBy(() -> sysctl.setInt(LvsSysctls.arpIgnore(ConfScope.ALL), 9))
        .isInstanceOf(InvalidValueException.class);
    assertThat(Files.readString(root.resolve("net/ipv4/conf/all/arp_ignore"))).isEqualTo("0\n");
  }

  @Test
  void missingKeyAndMissingInterfaceAreTold() {
    assertThatThrownBy(() -> sysctl.get(SysctlKey.of("net/ipv4/vs/no_such_knob")))
        .isInstanceOf(NoSuchSysctlException.class)
        .hasMessageContaining("net/ipv4/vs/no_such_knob");
    assertThatThrownBy(() -> sysctl.set(LvsSysctls.arpIgnore(ConfScope.of("eth9")).key(), "1"))
        .isInstanceOf(NoSuchInterfaceException.class)
        .hasMessageContaining("no such interface 'eth9'");
    assertThatThrownBy(() -> sysctl.get(LvsSysctls.rpFilter(ConfScope.of("eth0")).key()))
        .isInstanceOf(NoSuchSysctlException.class);
    assertThat(sysctl.find(SysctlKey.of("net/ipv4/vs/no_such_knob"))).isEmpty();
    assertThat(Files.exists(root.resolve("net/ipv4/vs/no_such_knob"))).isFalse(); // never created
  }

  @Test
  void listsTheKnobsOfADirectory() {
    assertThat(sysctl.list(LvsSysctls.VS))
        .extracting(SysctlKey::name)
        .containsExactly("conntrack", "est_cpulist", "expire_nodest_conn");
    assertThatThrownBy(() -> sysctl.list(SysctlKey.of("net/ipv4/nothere")))
        .isInstanceOf(NoSuchSysctlException.class);
  }

  @Test
  void getAllKeepsTheOrder() {
    assertThat(sysctl.getAll(List.of(LvsSysctls.IP_FORWARD.key(), SysctlKey.of("net/ipv4/vs/est_cpulist"))))
        .containsExactly(
            Map.entry(LvsSysctls.IP_FORWARD.key(), "0"), Map.entry(SysctlKey.of("net/ipv4/vs/est_cpulist"), "0-1"));
  }

  @Test
  void aMissingNamespaceIsTold() {
    ProcSysctl there = ProcSysctl.at(root, NetNamespace.of(root.resolve("no-such-netns")));
    assertThatThrownBy(() -> there.get(LvsSysctls.IP_FORWARD.key()))
        .isInstanceOf(SysctlException.class)
        .hasMessageContaining("no such network namespace");
  }
}
