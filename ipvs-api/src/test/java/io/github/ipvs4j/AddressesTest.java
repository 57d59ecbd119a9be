package io.github.ipvs4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
