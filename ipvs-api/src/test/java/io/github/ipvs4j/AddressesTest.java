package io.github.ipvs4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The public literal parser and printer: no DNS, RFC 5952 output. */
class AddressesTest {
  @Test
  void literalsReadAndPrintAsIpvsadmNumeric() {
    assertThat(Addresses.format(Addresses.parse("2001:db8:0:0::1"))).isEqualTo("2001:db8::1");
    assertThat(Addresses.format(Addresses.parse("[2001:DB8::A]"))).isEqualTo("2001:db8::a");
    assertThat(Addresses.format(Addresses.parse("192.0.2.1"))).isEqualTo("192.0.2.1");
    assertThat(Addresses.format(Addresses.parse("::ffff:192.0.2.1"))).isEqualTo("::ffff:192.0.2.1");
  }

  @Test
  void namesAreRefusedNotLookedUp() {
    assertThatThrownBy(() -> Addresses.parse("example.org"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address"));
    assertThatThrownBy(() -> Addresses.format(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void bytesGivePlainAddressesThatTheModelKeepsAsTheyAre() throws Exception {
    InetAddress v4 = Addresses.fromBytes(new byte[] {(byte) 192, 0, 2, 7});
    InetAddress v6 = Addresses.fromBytes(Addresses.parse("2001:db8::7").getAddress());
    assertThat(v4).isInstanceOf(Inet4Address.class).hasToString("/192.0.2.7");
    assertThat(v6).isInstanceOf(Inet6Address.class).hasToString("/2001:db8:0:0:0:0:0:7");
    // the model's constructors take them without a copy...
    assertThat(Destination.of(v4, 80).address()).isSameAs(v4);
    assertThat(Destination.of(v6, 80).address()).isSameAs(v6);
    // ...but still drop the host name and scope of an address made elsewhere
    InetAddress named = InetAddress.getByAddress("www.example", new byte[] {(byte) 192, 0, 2, 7});
    InetAddress normal = Destination.of(named, 80).address();
    assertThat(normal).isNotSameAs(named).isEqualTo(v4).hasToString("/192.0.2.7");
    InetAddress scoped = Inet6Address.getByAddress(null, v6.getAddress(), 3);
    assertThat(((Inet6Address) Destination.of(scoped, 80).address()).getScopeId()).isZero();
    assertThatThrownBy(() -> Addresses.fromBytes(new byte[5]))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address"));
  }
}
