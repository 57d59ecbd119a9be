package io.github.ipvs4j.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interface names, labels and sysctl keys: no path tricks get through (issue #6). */
class NamesAndKeysTest {
  @ParameterizedTest
  @ValueSource(strings = {"lo", "eth0", "eth0.100", "tunl0", "dummy-vip_1", "a", "fifteen-chars-x", "all"})
  void validInterfaceNames(String name) {
    assertThat(InterfaceNames.requireValid(name)).isEqualTo(name);
    assertThat(ConfScope.of(name).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "../all", "eth0/..", "a/b", "eth0:0", "eth 0", "sixteen-chars-xx", "tab\t",
      "nul\0", "new\nline"})
  void invalidInterfaceNames(String name) {
    assertThatThrownBy(() -> InterfaceNames.requireValid(name))
        .isInstanceOf(InvalidValueException.class)
        .isInstanceOf(IpvsException.class)
        .hasMessageStartingWith("interface: '");
    assertThatThrownBy(() -> ConfScope.of(name)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> LvsSysctls.arpIgnore(ConfScope.of(name))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void interfaceNameLengthCountsBytes() {
    assertThat(InterfaceNames.isValid("ééééééé")).isTrue(); // 14 bytes
    assertThat(InterfaceNames.isValid("éééééééé")).isFalse(); // 16 bytes
  }

  @Test
  void labels() {
    assertThat(InterfaceNames.requireValidLabel("lo", "lo:0")).isEqualTo("lo:0");
    assertThat(InterfaceNames.requireValidLabel("eth0", "eth0")).isEqualTo("eth0");
    assertThat(InterfaceNames.requireValidLabel("eth0", "eth0:vip")).isEqualTo("eth0:vip");
    for (String bad : new String[] {"eth0:0", "lo:", "lo0", "lo:0/1", "lo: 1", "lo:0123456789abc"}) {
      assertThatThrownBy(() -> InterfaceNames.requireValidLabel("lo", bad))
          .as(bad).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("label: ");
    }
  }

  @Property
  void noValidNameEscapesItsDirectory(@ForAll @StringLength(max = 20) String name) {
    if (InterfaceNames.isValid(name)) {
      SysctlKey key = LvsSysctls.rpFilter(ConfScope.of(name)).key();
      assertThat(key.path().split("/")).hasSize(5);
      assertThat(key.interfaceName()).isEqualTo(
          name.equals("all") || name.equals("default") ? java.util.Optional.empty() : java.util.Optional.of(name));
    } else {
      assertThatThrownBy(() -> ConfScope.of(name)).isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void sysctlKeys() {
    assertThat(SysctlKey.of("net.ipv4.ip_forward").path()).isEqualTo("net/ipv4/ip_forward");
    assertThat(SysctlKey.of("net/ipv4/conf/eth0.100/rp_filter").dotted()).isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
    assertThat(SysctlKey.of("net/ipv4/conf/eth0.100/rp_filter").interfaceName()).contains("eth0.100");
    assertThat(SysctlKey.of("net/ipv6/conf/dummy0/forwarding").interfaceName()).contains("dummy0");
    assertThat(SysctlKey.of("net/ipv4/conf/all/arp_ignore").interfaceName()).isEmpty();
    assertThat(SysctlKey.of("net/ipv4/vs/conntrack").name()).isEqualTo("conntrack");
    assertThat(LvsSysctls.vs("expire_nodest_conn").key().path()).isEqualTo("net/ipv4/vs/expire_nodest_conn");
    for (String bad : new String[] {"", "/net/ipv4", "net/ipv4/", "net/../etc", "net/./ipv4", "net//ipv4", "net/a b"}) {
      assertThatThrownBy(() -> SysctlKey.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
    }
    assertThatThrownBy(() -> LvsSysctls.vs("../conf")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void ranges() {
    assertThat(LvsSysctls.arpIgnore(ConfScope.ALL).check(8)).isEqualTo(8);
    assertThatThrownBy(() -> LvsSysctls.arpIgnore(ConfScope.ALL).check(9))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("net/ipv4/conf/all/arp_ignore: 9 (expected: 0-8)");
    assertThatThrownBy(() -> LvsSysctls.arpAnnounce(ConfScope.ALL).check(3)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> LvsSysctls.rpFilter(ConfScope.ALL).check(-1)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> LvsSysctls.IP_FORWARD.check(2)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void vips() {
    assertThat(Vip.of("192.0.2.10", "lo").withLabel("lo:0").toString()).isEqualTo("192.0.2.10/32 dev lo label lo:0");
    assertThat(Vip.of("2001:db8::10", "dummy0").prefixLength()).isEqualTo(128);
    assertThatThrownBy(() -> Vip.of("2001:db8::10", "dummy0").withLabel("dummy0:0"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Vip.of("vip.example", "lo")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Vip.of("192.0.2.10", "lo").withLabel("eth0:0")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Vip.of("192.0.2.10", "../lo")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void namespaces() {
    assertThat(NetNamespace.named("lvs1").path()).contains(java.nio.file.Path.of("/run/netns/lvs1"));
    assertThat(NetNamespace.current().isCurrent()).isTrue();
    assertThatThrownBy(() -> NetNamespace.named("../x")).isInstanceOf(InvalidValueException.class);
  }
}
