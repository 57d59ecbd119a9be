package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.util.Locale;

/**
 * The IP protocol of a virtual service ({@code IPVS_SVC_ATTR_PROTOCOL}): {@link #TCP}, {@link #UDP} or {@link #SCTP},
 * or any other IP protocol number a kernel reports, which is kept rather than refused (ipvsadm prints those as
 * {@code --xxx-service}). Compare with {@code equals}; the constants are the usual values.
 *
 * @param number the IP protocol number, 0-255 ({@code IPPROTO_*})
 */
public record Protocol(int number) implements Comparable<Protocol> {
  /** {@code IPPROTO_TCP} = 6. */
  public static final Protocol TCP = new Protocol(6);
  /** {@code IPPROTO_UDP} = 17. */
  public static final Protocol UDP = new Protocol(17);
  /** {@code IPPROTO_SCTP} = 132 (kernel 2.6.34 and later). */
  public static final Protocol SCTP = new Protocol(132);

  /** Checks the number. */
  public Protocol {
    Checks.range("protocol", number, 0, 255);
  }

  /** The protocol with IP protocol number {@code number}, 0-255. */
  public static Protocol of(int number) {
    return switch (number) {
      case 6 -> TCP;
      case 17 -> UDP;
      case 132 -> SCTP;
      default -> new Protocol(number);
    };
  }

  /**
   * The protocol named {@code name}, case-insensitive: {@code "tcp"}, {@code "udp"}, {@code "sctp"}, or {@code
   * "IP_<n>"} / a decimal number for others.
   */
  public static Protocol parse(String name) {
    Checks.notNull("protocol", name);
    String upper = name.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "TCP" -> {
        return TCP;
      }
      case "UDP" -> {
        return UDP;
      }
      case "SCTP" -> {
        return SCTP;
      }
      default -> {
        String digits = upper.startsWith("IP_") ? name.substring(3) : name;
        if (!digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return of(Integer.parseInt(digits));
        }
        throw Checks.invalid("protocol", Checks.quote(name), "TCP, UDP, SCTP or a number 0-255");
      }
    }
  }

  /** {@code "TCP"}, {@code "UDP"}, {@code "SCTP"}, or {@code "IP_<n>"} as the kernel's {@code /proc} files name others. */
  public String label() {
    return switch (number) {
      case 6 -> "TCP";
      case 17 -> "UDP";
      case 132 -> "SCTP";
      default -> "IP_" + number;
    };
  }

  /** Orders by protocol number, as ipvsadm sorts (TCP &lt; UDP &lt; SCTP). */
  @Override
  public int compareTo(Protocol other) {
    return Integer.compare(number, other.number);
  }

  /** The {@linkplain #label() label}. */
  @Override
  public String toString() {
    return label();
  }
}
