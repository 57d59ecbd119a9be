package io.github.ipvs4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast paths of key hashing and address ordering keep their contracts. */
class OrderAndHashTest {

  /** A table whose VIPs and ports count up together spreads over HashMap buckets (it did not with 31 * h + port). */
  @Test
  void keysThatCountUpTogetherSpreadOverBuckets() throws UnknownHostException {
    Set<Integer> buckets = new HashSet<>();
    for (int s = 0; s < 256; s++) {
      InetAddress vip = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, (byte) s});
      int h = new ServiceKey.Inet(Protocol.TCP, vip, 80 + s).hashCode();
      buckets.add((h ^ (h >>> 16)) & 511); // HashMap's bucket in a table of 512
    }
    assertThat(buckets).hasSizeGreaterThan(128);
  }

  @Test
  void equalKeysHashAlike() throws UnknownHostException {
    ServiceKey a = new ServiceKey.Inet(Protocol.UDP, InetAddress.getByName("2001:db8::1"), 53);
    ServiceKey b = new ServiceKey.Inet(Protocol.UDP, InetAddress.getByName("2001:db8:0::1"), 53);
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }

  /**
   * IPv4 addresses order as unsigned numbers (the comparison does not copy their bytes), and before IPv6; IPv6 ones
   * as unsigned 128-bit numbers (compared as two halves: each half and each byte's top bit matter).
   */
  @Test
  void ipv4OrdersUnsignedThenIpv6() throws UnknownHostException {
    String[] ascending = {"0.0.0.0", "1.2.3.4", "127.255.255.255", "128.0.0.0", "192.0.2.1", "192.0.2.10",
        "203.0.113.255", "255.255.255.255", "::", "::1", "::ff", "::100", "::8000:0:0:0", "::ffff:ffff:ffff:ffff",
        "0:0:0:1::", "0:0:0:ff::", "0:0:0:8000::", "2001:db8::1", "2001:db8::8000:0:0:1", "2001:db8:0:1::",
        "2001:db8:0:80::", "2001:db8:0:8000::", "8000::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"};
    for (int i = 0; i < ascending.length; i++) {
      for (int j = 0; j < ascending.length; j++) {
        int c = InetAddresses.compare(
            InetAddress.getByName(ascending[i]), InetAddress.getByName(ascending[j]));
        assertThat(Integer.signum(c)).as(ascending[i] + " vs " + ascending[j]).isEqualTo(Integer.compare(i, j));
      }
    }
  }

  /**
   * Service keys order as ipvsadm saves them: every protocol/address/port key before every fwmark key, then IPv4
   * before IPv6, protocol number (TCP 6, UDP 17, SCTP 132), address (unsigned), port; fwmark keys by mark, then family.
   * Each neighbour pair differs in one part, so each part's place in the order is checked.
   */
  @Test
  void serviceKeysOrderAsIpvsadmSavesThem() {
    List<ServiceKey> ascending = List.of(
        ServiceKey.tcp("192.0.2.1", 0), ServiceKey.tcp("192.0.2.1", 80), ServiceKey.tcp("192.0.2.1", 65535),
        ServiceKey.tcp("192.0.2.2", 1), ServiceKey.tcp("255.255.255.255", 1), ServiceKey.udp("0.0.0.0", 0),
        ServiceKey.udp("192.0.2.1", 53), ServiceKey.sctp("192.0.2.1", 9), ServiceKey.tcp("::", 0),
        ServiceKey.tcp("2001:db8::1", 80), ServiceKey.tcp("2001:db8::8000:0:0:1", 80), ServiceKey.udp("::1", 1),
        ServiceKey.sctp("2001:db8::1", 1), ServiceKey.fwmark(1), ServiceKey.fwmark6(1), ServiceKey.fwmark(2),
        ServiceKey.fwmark6(0x8000_0000L), ServiceKey.fwmark(0xFFFF_FFFFL), ServiceKey.fwmark6(0xFFFF_FFFFL));
    for (int i = 0; i < ascending.size(); i++) {
      for (int j = 0; j < ascending.size(); j++) {
        ServiceKey a = ascending.get(i);
        ServiceKey b = ascending.get(j);
        assertThat(Integer.signum(ServiceKey.ORDER.compare(a, b))).as(a + " vs " + b).isEqualTo(Integer.compare(i, j));
        assertThat(Integer.signum(a.compareTo(b))).as(a + " vs " + b).isEqualTo(Integer.compare(i, j));
      }
    }
  }

  /** Destinations given in either strict order, or in none, come out ascending; a repeat is refused in each case. */
  @Test
  void destinationsInAnyOrderComeOutAscendingAndRepeatsAreRefused() {
    VirtualService web = VirtualService.of(ServiceKey.tcp("192.0.2.1", 80), Scheduler.RR);
    Destination a = Destination.of(Addresses.parse("198.51.100.1"), 80);
    Destination b = Destination.of(Addresses.parse("198.51.100.2"), 80);
    Destination c = Destination.of(Addresses.parse("198.51.100.2"), 81);
    for (List<Destination> given :
        List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, c, a))) {
      assertThat(new ServiceConfig(web, given).destinations()).containsExactly(a, b, c);
    }
    for (List<Destination> repeated :
        List.of(List.of(a, b, b), List.of(c, b, b), List.of(b, a, b))) {
      assertThatThrownBy(() -> new ServiceConfig(web, repeated))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("one destination per address and port");
    }
  }
}
