package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.Addresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/net/ip_vs_conn} read back, and {@code ipvsadm -L -n -c} printed, each checked against the C formats
 * they come from (the kernel's {@code ip_vs_conn_seq_show}, ipvsadm's {@code print_conn}), rendered with
 * {@link String#format}, whose {@code %-Ns} and {@code %0NX} mean what C's do.
 */
class ConnectionListingTest {
  private static final String PROC_HEADER =
      "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n";

  /** One line as the kernel writes it. */
  static String procLine(ConnectionEntry e) {
    String pe = e.peName().map(n -> " " + n + " " + e.peData().get()).orElse("");
    return String.format("%-3s %s %04X %s %04X %s %04X %-11s %7d%s%n", e.protocol(), proc(e.client()),
        e.client().getPort(), proc(e.virtual()), e.virtual().getPort(), proc(e.destination()),
        e.destination().getPort(), e.state(), e.expiresSeconds(), pe);
  }

  /** {@code %08X} of an IPv4 address, {@code %pI6} (every group, 4 digits) of an IPv6 one. */
  private static String proc(InetSocketAddress a) {
    byte[] b = a.getAddress().getAddress();
    if (b.length == 4) {
      return String.format("%02X%02X%02X%02X", b[0], b[1], b[2], b[3]);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      sb.append(i == 0 ? "" : ":").append(String.format("%02x%02x", b[i], b[i + 1]));
    }
    return sb.toString();
  }

  /** One row as ipvsadm's print_conn writes it with -n. */
  static String ipvsadmRow(ConnectionEntry e, boolean persistentConn) {
    String expire = String.format("%02d:%02d", e.expiresSeconds() / 60, e.expiresSeconds() % 60);
    if (persistentConn && e.peName().isPresent()) {
      return String.format("%-3s %-6s %-11s %-18s %-18s %-16s %-18s %s%n", e.protocol(), expire, e.state(),
          numeric(e.client()), numeric(e.virtual()), numeric(e.destination()), e.peName().get(), e.peData().get());
    }
    return String.format("%-3s %-6s %-11s %-18s %-18s %s%n", e.protocol(), expire, e.state(), numeric(e.client()),
        numeric(e.virtual()), numeric(e.destination()));
  }

  private static String numeric(InetSocketAddress a) {
    String host = Addresses.format(a.getAddress());
    return (a.getAddress() instanceof Inet4Address ? host : "[" + host + "]") + ":" + a.getPort();
  }

  private static ConnectionEntry entry(String protocol, String c, int cp, String v, int vp, String d, int dp,
      String state, long expires) {
    return new ConnectionEntry(protocol, new InetSocketAddress(Addresses.parse(c), cp),
        new InetSocketAddress(Addresses.parse(v), vp), new InetSocketAddress(Addresses.parse(d), dp), state, expires,
        Optional.empty(), Optional.empty());
  }

  @Test
  void aKernelTableIsReadAndListedAsIpvsadmDoes() {
    String proc = PROC_HEADER
        + "TCP C0000202 9D78 C000020A 0050 C633640B 1F90 TIME_WAIT       118\n"
        + "UDP C0000202 A001 C000020A 0035 C633640C 0035 UDP             297\n"
        + "IP  C0000202 0000 00000001 0000 C633640B 0000 NONE           6003\n"
        + "TCP 2001:0db8:0000:0000:0000:0000:0000:0002 9D79 2001:0db8:0000:0000:0000:0000:0000:0010 01BB"
        + " 2001:0db8:0001:0000:0000:0000:0000:0011 01BB SYN_RECV         59\n"
        + "UDP C0000202 13C4 C000020A 13C4 C633640B 13C4 UDP             170 sip 1234@192.0.2.2\n";
    List<ConnectionEntry> table = ConnectionEntry.parseProc(proc);
    assertThat(table).hasSize(5);
    assertThat(table.get(0)).isEqualTo(entry("TCP", "192.0.2.2", 40312, "192.0.2.10", 80, "198.51.100.11", 8080,
        "TIME_WAIT", 118));
    assertThat(table.get(3).client()).isEqualTo(new InetSocketAddress(Addresses.parse("2001:db8::2"), 40313));
    assertThat(table.get(4).peName()).contains("sip");
    assertThat(table.get(4).peData()).contains("1234@192.0.2.2");

    assertThat(ListingPrinter.numeric().connections(table)).isEqualTo("""
        IPVS connection entries
        pro expire state       source             virtual            destination
        TCP 01:58  TIME_WAIT   192.0.2.2:40312    192.0.2.10:80      198.51.100.11:8080
        UDP 04:57  UDP         192.0.2.2:40961    192.0.2.10:53      198.51.100.12:53
        IP  100:03 NONE        192.0.2.2:0        0.0.0.1:0          198.51.100.11:0
        TCP 00:59  SYN_RECV    [2001:db8::2]:40313 [2001:db8::10]:443 [2001:db8:1::11]:443
        UDP 02:50  UDP         192.0.2.2:5060     192.0.2.10:5060    198.51.100.11:5060
        """);
    assertThat(ListingPrinter.numeric().columns(ListingPrinter.Columns.PERSISTENT_CONN).connections(table))
        .startsWith("IPVS connection entries\n"
            + "pro expire state       source             virtual            destination        pe name          pe_data\n")
        .endsWith("UDP 02:50  UDP         192.0.2.2:5060     192.0.2.10:5060    198.51.100.11:5060 sip "
            + "               1234@192.0.2.2\n");
  }

  @Test
  void anEmptyTableHasTheTitlesOnly() {
    assertThat(ListingPrinter.numeric().connections(ConnectionEntry.parseProc(PROC_HEADER)))
        .isEqualTo("IPVS connection entries\npro expire state       source             virtual            destination\n");
  }

  @Test
  void aBrokenLineIsNamed() {
    assertThatThrownBy(() -> ConnectionEntry.parseProc(PROC_HEADER + "TCP C0000202 9D78 C000020A 0050\n"))
        .isInstanceOf(TextFormatException.class).hasMessageStartingWith("line 2, column 1:");
    assertThatThrownBy(() -> ConnectionEntry.parseProc(
        PROC_HEADER + "TCP C00002 9D78 C000020A 0050 C633640B 1F90 TIME_WAIT 118\n"))
        .hasMessage("line 2, column 5: \"C00002\" (expected: an IPv4 address as 8 hex digits)");
    assertThatThrownBy(() -> ConnectionEntry.parseProc(
        PROC_HEADER + "TCP C0000202 9D78 C000020A 0050 C633640B 1F90 TIME_WAIT soon\n"))
        .hasMessageContaining("\"soon\" (expected: the seconds to expiry)");
  }

  @Provide
  Arbitrary<ConnectionEntry> entries() {
    Arbitrary<InetAddress> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4).map(ConnectionListingTest::address);
    Arbitrary<InetAddress> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16).map(ConnectionListingTest::address);
    Arbitrary<Integer> ports = Arbitraries.integers().between(0, 65535);
    Arbitrary<String> protocols = Arbitraries.of("TCP", "UDP", "SCTP", "IP");
    Arbitrary<String> states = Arbitraries.of("NONE", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT", "TIME_WAIT",
        "CLOSE_WAIT", "LAST_ACK", "LISTEN", "SYNACK", "UDP", "ERR!", "COOKIE_ECHOED", "SHUTDOWN_ACK_SENT");
    Arbitrary<Optional<String>> engines = Arbitraries.of("sip").optional(0.2);
    Arbitrary<String> data = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
    return Arbitraries.of(true, false).flatMap(ipv6 -> {
      Arbitrary<InetSocketAddress> ends = Combinators.combine(ipv6 ? v6 : v4, ports).as(InetSocketAddress::new);
      return Combinators.combine(protocols, ends, ends, ends, states, Arbitraries.longs().between(0, 1_000_000),
          engines, data).as((p, c, v, d, s, x, pe, pd) ->
              new ConnectionEntry(p, c, v, d, s, x, pe, pe.map(n -> pd)));
    });
  }

  @Provide
  Arbitrary<List<ConnectionEntry>> tables() {
    return entries().list().ofMaxSize(20);
  }

  private static InetAddress address(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Property(tries = 300)
  void theKernelsTextReadsBackAndListsAsPrintConnFormats(@ForAll("tables") List<ConnectionEntry> table,
      @ForAll boolean persistentConn) {
    StringBuilder proc = new StringBuilder(PROC_HEADER);
    table.forEach(e -> proc.append(procLine(e)));
    assertThat(ConnectionEntry.parseProc(proc.toString())).isEqualTo(table);

    List<String> rows = new ArrayList<>();
    table.forEach(e -> rows.add(ipvsadmRow(e, persistentConn)));
    ListingPrinter printer = ListingPrinter.numeric()
        .columns(persistentConn ? ListingPrinter.Columns.PERSISTENT_CONN : ListingPrinter.Columns.DEFAULT);
    String listing = printer.connections(table);
    assertThat(listing.lines().skip(2).map(l -> l + "\n").toList()).isEqualTo(rows);
  }
}
