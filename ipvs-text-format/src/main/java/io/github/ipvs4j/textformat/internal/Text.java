package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.textformat.HostResolver;
import io.github.ipvs4j.textformat.ServiceNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/** printf-like pieces of ipvsadm's output. Not API. */
public final class Text {
  private Text() {}

  /** How addresses and ports are printed: numbers ({@code -n}) or names. */
  public record Names(boolean numeric, ServiceNames services, HostResolver hosts) {
    /** Numbers only. */
    public static final Names NUMERIC = new Names(true, ServiceNames.none(), HostResolver.none());
  }

  /**
   * {@code addrport_to_anyname}: {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}, or with names {@code host:http}.
   * {@code protocol} is the service's (null for a fwmark service, whose ports print as numbers).
   */
  public static void addrPort(StringBuilder sb, InetAddress address, int port, Protocol protocol, Names names) {
    boolean v4 = address instanceof Inet4Address;
    if (!v4) {
      sb.append('[');
    }
    Optional<String> host = names.numeric ? Optional.empty() : names.hosts.nameOf(address);
    if (host.isPresent()) {
      sb.append(host.get());
    } else {
      Inet.format(address, sb);
    }
    if (!v4) {
      sb.append(']');
    }
    sb.append(':');
    String service = names.numeric ? null : names.services.nameOf(port, protocol);
    if (service != null) {
      sb.append(service);
    } else {
      sb.append(port);
    }
  }

  /** A fwmark as ipvsadm 1.31 prints it ({@code %d}: negative from 2^31), or unsigned ({@code %u}, 2020 fix). */
  public static void fwmark(StringBuilder sb, long mark, boolean unsigned) {
    if (unsigned) {
      sb.append(mark);
    } else {
      sb.append((int) mark);
    }
  }

  /** {@code print_sched_flags}: the set bits by the names the scheduler gives them. */
  public static void schedFlags(StringBuilder sb, Scheduler scheduler, Set<SchedulerFlag> flags) {
    int bits = SchedulerFlag.toBits(flags);
    String s = scheduler.name();
    int start = sb.length();
    if (s.equals("sh")) {
      append(sb, bits, 0x08, "sh-fallback");
      append(sb, bits, 0x10, "sh-port");
    } else if (s.equals("mh")) {
      append(sb, bits, 0x08, "mh-fallback");
      append(sb, bits, 0x10, "mh-port");
    } else {
      append(sb, bits, 0x08, "flag-1");
      append(sb, bits, 0x10, "flag-2");
      append(sb, bits, 0x20, "flag-3");
    }
    if (sb.length() > start) {
      sb.setLength(sb.length() - 1);
    }
  }

  private static void append(StringBuilder sb, int bits, int bit, String name) {
    if ((bits & bit) != 0) {
      sb.append(name).append(',');
    }
  }

  /** {@code fwd_switch}; glibc prints a NULL string as {@code (null)}. */
  public static String forwardSwitch(ForwardingMethod m) {
    switch (m) {
      case MASQUERADE:
        return "-m";
      case TUNNEL:
        return "-i";
      case LOCAL:
      case DIRECT_ROUTE:
        return "-g";
      default:
        return "(null)";
    }
  }

  /** {@code fwd_name}; glibc prints a NULL string as {@code (null)}. */
  public static String forwardName(ForwardingMethod m) {
    switch (m) {
      case MASQUERADE:
        return "Masq";
      case LOCAL:
        return "Local";
      case TUNNEL:
        return "Tunnel";
      case DIRECT_ROUTE:
        return "Route";
      default:
        return "(null)";
    }
  }

  /** The {@code -t}/{@code -u}/{@code --sctp-service} switch, {@code --xxx-service} for other protocols. */
  public static String serviceSwitch(Protocol p) {
    switch (p.number()) {
      case 6:
        return "-t";
      case 17:
        return "-u";
      case 132:
        return "--sctp-service";
      default:
        return "--xxx-service";
    }
  }

  /** {@code protocol_name}: TCP, UDP, SCTP or {@code ?}. */
  public static String protocolName(Protocol p) {
    switch (p.number()) {
      case 6:
        return "TCP";
      case 17:
        return "UDP";
      case 132:
        return "SCTP";
      default:
        return "?";
    }
  }

  /** The protocol whose port names apply to a service's ports: none for fwmark services. */
  public static Protocol portProtocol(ServiceKey key) {
    return key instanceof ServiceKey.Inet i ? i.protocol() : null;
  }

  /** {@code %-Ns}: {@code s} then spaces up to {@code width}. */
  public static void padRight(StringBuilder sb, CharSequence s, int width) {
    sb.append(s);
    spaces(sb, width - s.length());
  }

  private static final String SPACES = " ".repeat(64);

  /** {@code n} spaces (none if {@code n <= 0}), appended at once rather than one character at a time. */
  private static void spaces(StringBuilder sb, int n) {
    for (; n > 0; n -= SPACES.length()) {
      sb.append(SPACES, 0, Math.min(n, SPACES.length()));
    }
  }

  /** A StringBuilder capacity for {@code lines} lines of about {@code perLine} characters, capped at 1 GiB. */
  public static int capacity(long lines, int perLine) {
    return (int) Math.min(1L << 30, Math.max(16, lines * perLine));
  }

  /** {@code "%-Ns "}: a column and the space that ends it. */
  public static void cell(StringBuilder sb, CharSequence s, int width) {
    padRight(sb, s, width);
    sb.append(' ');
  }

  /** {@code "%-Nu "}: a number's column and the space that ends it. */
  public static void cell(StringBuilder sb, long value, int width) {
    padRight(sb, value, width);
    sb.append(' ');
  }

  /** {@code %Ns}: spaces up to {@code width}, then {@code s}. */
  public static void padLeft(StringBuilder sb, CharSequence s, int width) {
    spaces(sb, width - s.length());
    sb.append(s);
  }

  /** {@code %-Nu} of an unsigned 32-bit value (or {@code %-Nd} of an int). */
  public static void padRight(StringBuilder sb, long value, int width) {
    int start = sb.length();
    sb.append(value);
    spaces(sb, width - (sb.length() - start));
  }

  /** {@code print_largenum}: width 9, or K/M/G/T with width 8 plus the suffix; {@code --exact}: all digits. */
  public static void largeNum(StringBuilder sb, long v, boolean exact) {
    String digits = Long.toUnsignedString(v);
    if (exact) {
      padLeft(sb, digits, digits.length() <= 8 ? 9 : digits.length() + 1);
      return;
    }
    if (Long.compareUnsigned(v, 100_000_000L) < 0) {
      padLeft(sb, digits, 9);
    } else if (Long.compareUnsigned(v, 1_000_000_000L) < 0) {
      padLeft(sb, Long.toUnsignedString(Long.divideUnsigned(v, 1000L)), 8);
      sb.append('K');
    } else if (Long.compareUnsigned(v, 100_000_000_000L) < 0) {
      padLeft(sb, Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000L)), 8);
      sb.append('M');
    } else if (Long.compareUnsigned(v, 100_000_000_000_000L) < 0) {
      padLeft(sb, Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000_000L)), 8);
      sb.append('G');
    } else {
      padLeft(sb, Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000_000_000L)), 8);
      sb.append('T');
    }
  }

  /** {@code %8llu}. */
  public static void unsigned8(StringBuilder sb, long v) {
    padLeft(sb, Long.toUnsignedString(v), 8);
  }
}
