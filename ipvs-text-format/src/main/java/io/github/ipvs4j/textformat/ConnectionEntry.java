package io.github.ipvs4j.textformat;

import io.github.ipvs4j.Addresses;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.textformat.internal.Inet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the kernel's IPVS connection table, as {@code /proc/net/ip_vs_conn} shows it: a connection, or a
 * persistence template (client port 0; protocol {@code IP} for a fwmark service's). The kernel offers this table
 * through {@code /proc} only, not over netlink; {@link ListingPrinter#connections} prints it as {@code ipvsadm -L -c}.
 *
 * <pre>{@code
 * List<ConnectionEntry> table = ConnectionEntry.parseProc(Files.readString(Path.of("/proc/net/ip_vs_conn")));
 * table.get(0);  // ConnectionEntry[protocol=TCP, client=/192.0.2.2:40312, virtual=/192.0.2.10:80,
 *                //   destination=/198.51.100.11:8080, state=TIME_WAIT, expiresSeconds=118, ...]
 * }</pre>
 *
 * @param protocol {@code TCP}, {@code UDP}, {@code SCTP}, or {@code IP} (a fwmark template), as the kernel names it
 * @param client the client's address and port
 * @param virtual the virtual service's address and port
 * @param destination the real server's address and port
 * @param state the protocol state ({@code ESTABLISHED}, {@code TIME_WAIT}, {@code UDP}, {@code NONE}, ...)
 * @param expiresSeconds seconds until the entry expires
 * @param peName the persistence engine's name ({@code sip}), if the entry has persistence-engine data
 * @param peData the persistence engine's data (a SIP Call-ID), with {@code peName}
 */
public record ConnectionEntry(
    String protocol,
    InetSocketAddress client,
    InetSocketAddress virtual,
    InetSocketAddress destination,
    String state,
    long expiresSeconds,
    Optional<String> peName,
    Optional<String> peData) {
  /** Checks for null; the engine's name and data come together or not at all. */
  public ConnectionEntry {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(virtual, "virtual");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(peName, "peName");
    Objects.requireNonNull(peData, "peData");
    if (peName.isPresent() != peData.isPresent()) {
      throw new InvalidValueException("peData", peData.orElse("(none)"), "present exactly when peName is");
    }
    if (expiresSeconds < 0) {
      throw new InvalidValueException("expiresSeconds", Long.toString(expiresSeconds), "0 or more");
    }
  }

  /**
   * The entries in the text of {@code /proc/net/ip_vs_conn}, in the kernel's order. IPv4 addresses there are 8 hex
   * digits, IPv6 ones in full ({@code 2001:0db8:0000:...}); ports are 4 hex digits and the expiry decimal seconds.
   * The first line is the kernel's column header.
   *
   * @throws TextFormatException for a line that is not such an entry (line numbers count the header)
   */
  public static List<ConnectionEntry> parseProc(String text) {
    List<ConnectionEntry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty()) {
        entries.add(parseLine(line, i + 1));
      }
    }
    return entries;
  }

  private static ConnectionEntry parseLine(String line, long number) {
    String[] f = line.split("\\s+");
    if (f.length != 9 && f.length != 11) {
      throw new TextFormatException(number, 1, line,
          "9 fields (Pro FromIP FPrt ToIP TPrt DestIP DPrt State Expires) and, optionally, PEName PEData");
    }
    return new ConnectionEntry(
        f[0],
        new InetSocketAddress(address(f[1], number, line), port(f[2], number, line)),
        new InetSocketAddress(address(f[3], number, line), port(f[4], number, line)),
        new InetSocketAddress(address(f[5], number, line), port(f[6], number, line)),
        f[7],
        decimal(f[8], number, line),
        f.length == 11 ? Optional.of(f[9]) : Optional.empty(),
        f.length == 11 ? Optional.of(f[10]) : Optional.empty());
  }

  private static InetAddress address(String s, long number, String line) {
    if (s.indexOf(':') >= 0) {
      try {
        return Addresses.parse(s);
      } catch (InvalidValueException e) {
        throw new TextFormatException(number, column(line, s), s, "an IPv6 address");
      }
    }
    if (s.length() != 8) {
      throw new TextFormatException(number, column(line, s), s, "an IPv4 address as 8 hex digits");
    }
    return Inet.ipv4(hex(s, number, line, "an IPv4 address as 8 hex digits"));
  }

  private static int port(String s, long number, String line) {
    if (s.length() != 4) {
      throw new TextFormatException(number, column(line, s), s, "a port as 4 hex digits");
    }
    return (int) hex(s, number, line, "a port as 4 hex digits");
  }

  private static long hex(String s, long number, String line, String expected) {
    try {
      return Long.parseLong(s, 16);
    } catch (NumberFormatException e) {
      throw new TextFormatException(number, column(line, s), s, expected);
    }
  }

  private static long decimal(String s, long number, String line) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new TextFormatException(number, column(line, s), s, "the seconds to expiry");
    }
  }

  private static int column(String line, String token) {
    return line.indexOf(token) + 1;
  }
}
