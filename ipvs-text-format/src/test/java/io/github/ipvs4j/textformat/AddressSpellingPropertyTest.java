package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.textformat.internal.Inet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A real server's {@code A.B.C.D[:PORT]} is read as ipvsadm reads it, {@code inet_aton} for the address and {@code
 * strtol} for the port, however it is spelt: the parser's one-pass reading of plain decimal quads must agree with
 * the general reading for every text, including leading zeros (octal to inet_aton), parts past 255 and long ports.
 */
class AddressSpellingPropertyTest {
  private static final SaveParser PARSER = SaveParser.create();

  @Provide
  Arbitrary<String> part() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 255).map(String::valueOf),
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(4),
        Arbitraries.of("0", "00", "010", "08", "0x1f", "256", "999", ""));
  }

  /** No port (null), an empty one, or digits: in range, with leading zeros, or past 65535. */
  @Provide
  Arbitrary<String> port() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of("", "0", "00080", "65535", "65536", "999999"),
        Arbitraries.integers().between(0, 65535).map(String::valueOf),
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(6));
  }

  @Property(tries = 3000)
  void realServerAddressAndPortAreReadAsInetAtonAndStrtol(
      @ForAll("part") String a, @ForAll("part") String b, @ForAll("part") String c, @ForAll("part") String d,
      @ForAll("port") String port) {
    String host = a + "." + b + "." + c + "." + d;
    String server = port == null ? host : host + ":" + port;
    // masquerading keeps the real server's own port; without one it is the service's, 80
    String line = "-a -t 192.0.2.1:80 -r " + server + " -m -w 1";
    long address = Inet.parseAton(host.toCharArray(), 0, host.length());
    int expectedPort = port == null ? 80 : decimalPort(port);
    if (address < 0 || expectedPort < 0) {
      assertThatThrownBy(() -> PARSER.parseCommands(line)).as(line).isInstanceOf(TextFormatException.class)
          .hasMessageContaining(server);
      return;
    }
    List<IpvsCommand> commands = PARSER.parseCommands(line);
    assertThat(commands).as(line).hasSize(1);
    Destination dest = ((IpvsCommand.AddDestination) commands.get(0)).destination();
    assertThat(dest.address()).as(line).isEqualTo(Inet.ipv4(address));
    assertThat(dest.port()).as(line).isEqualTo(expectedPort);
  }

  /** A real server named under several services is one address object in the table, not one per line. */
  @Example
  void aRealServerNamedTwiceIsHeldOnce() {
    IpvsTable table = PARSER.parseTable("""
        -A -t 192.0.2.1:80 -s rr
        -a -t 192.0.2.1:80 -r 198.51.100.7:8080 -m -w 1
        -A -t 192.0.2.1:443 -s rr
        -a -t 192.0.2.1:443 -r 198.51.100.7:8443 -m -w 1
        -a -t 192.0.2.1:443 -r 198.51.100.8:8443 -m -w 1
        """);
    Destination http = table.services().get(0).destinations().get(0);
    Destination https = table.services().get(1).destinations().get(0);
    assertThat(http.address()).isEqualTo(https.address()).isSameAs(https.address());
    assertThat(table.services().get(1).destinations().get(1).address()).isNotEqualTo(http.address());
  }

  /** strtol base 10 of the whole text, 0-65535; -1 otherwise (a digits-only text names no service either). */
  private static int decimalPort(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (char ch : text.toCharArray()) {
      v = v * 10 + (ch - '0');
    }
    return v <= 65535 ? (int) v : -1;
  }
}
