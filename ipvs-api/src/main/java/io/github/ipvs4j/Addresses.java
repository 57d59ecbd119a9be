package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;

/**
 * IP address literals, read and written without DNS, as the model and ipvsadm do.
 *
 * <pre>{@code
 * InetAddress a = Addresses.parse("2001:db8:0:0::1");   // never a name lookup; "example.org" throws
 * Addresses.format(a);                                  // "2001:db8::1" (RFC 5952, as ipvsadm -n prints)
 * Addresses.format(Addresses.parse("192.0.2.1"));       // "192.0.2.1"
 * }</pre>
 */
public final class Addresses {
  private Addresses() {}

  /**
   * The address written as {@code text}: an IPv4 or IPv6 literal, IPv6 optionally in brackets.
   *
   * @throws InvalidValueException naming field {@code address} if {@code text} is not a literal
   */
  public static InetAddress parse(String text) {
    return InetAddresses.parse("address", text);
  }

  /**
   * The address held by {@code bytes}, in network order: 4 bytes give IPv4, 16 bytes IPv6 (IPv4-mapped ones stay
   * IPv6). Plain: no host name, no scope; the array is not kept.
   *
   * @throws InvalidValueException naming field {@code address} for another length
   */
  public static InetAddress fromBytes(byte[] bytes) {
    return InetAddresses.fromBytes("address", bytes);
  }

  /** {@code address} as {@code ipvsadm -n} and RFC 5952 write it: lower case, the longest zero run as {@code ::}. */
  public static String format(InetAddress address) {
    return InetAddresses.format(Checks.notNull("address", address));
  }
}
