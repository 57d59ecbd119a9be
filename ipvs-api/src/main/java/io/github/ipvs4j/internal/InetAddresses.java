package io.github.ipvs4j.internal;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.InvalidValueException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Literal IP address parsing, normalising, ordering and printing, without DNS. Not API.
 *
 * <p>{@link InetAddress#getByName} looks a name up when the text is not a literal; the model must never do that, so
 * this class parses literals itself: {@code parse("192.0.2.10")} gives the IPv4 address, {@code
 * parse("2001:db8::1")} or {@code parse("[2001:db8::1]")} the IPv6 one, and {@code parse("example.org")} throws.
 * IPv4-mapped IPv6 literals such as {@code ::ffff:192.0.2.1} stay IPv6 (the JDK would turn them into IPv4).
 */
public final class InetAddresses {
  private InetAddresses() {}

  // Inet4Address.hashCode() has always been the address as an int, most significant byte first, but it is not
  // specified: checked once here, with the copy of the bytes as the fallback
  private static final boolean IPV4_HASH_IS_VALUE = probeIpv4Hash();

  private static boolean probeIpv4Hash() {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, (byte) 201}).hashCode() == 0xCB0071C9
          && InetAddress.getByAddress(new byte[] {1, 2, 3, 4}).hashCode() == 0x01020304;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The IPv4 address as an int, most significant byte first. */
  private static int ipv4Value(InetAddress a) {
    if (IPV4_HASH_IS_VALUE) {
      return a.hashCode();
    }
    return ipv4Value(a.getAddress());
  }

  /** Four address bytes as an int, most significant byte first. */
  public static int ipv4Value(byte[] b) {
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  /** Orders addresses as ipvsadm does: IPv4 before IPv6, then by the address bytes as unsigned numbers. */
  public static final Comparator<InetAddress> ORDER = InetAddresses::compare;

  /** Compares by family (IPv4 first), then bytes, unsigned. */
  public static int compare(InetAddress a, InetAddress b) {
    // sorting 100,000 destinations compares IPv4 addresses most: without copying their bytes out where possible
    boolean a4 = a instanceof Inet4Address;
    boolean b4 = b instanceof Inet4Address;
    if (a4 && b4) {
      return Integer.compareUnsigned(ipv4Value(a), ipv4Value(b));
    }
    if (a4 != b4) {
      return a4 ? -1 : 1;
    }
    if (a == b) {
      return 0;
    }
    // two IPv6 addresses: as two unsigned 64-bit numbers (Arrays.compareUnsigned's general path costs more than
    // the copies on 16 bytes)
    byte[] x = a.getAddress();
    byte[] y = b.getAddress();
    int high = Long.compareUnsigned((long) BIG_ENDIAN_LONG.get(x, 0), (long) BIG_ENDIAN_LONG.get(y, 0));
    return high != 0 ? high : Long.compareUnsigned((long) BIG_ENDIAN_LONG.get(x, 8), (long) BIG_ENDIAN_LONG.get(y, 8));
  }

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The address family of {@code address}. */
  public static AddressFamily family(InetAddress address) {
    return address instanceof Inet4Address ? AddressFamily.INET : AddressFamily.INET6;
  }

  /**
   * Returns {@code address} as a plain IPv4 or IPv6 address: no host name (so {@code toString()} shows only the
   * address) and no IPv6 scope (the kernel has none). Throws for null.
   */
  public static InetAddress normalize(String field, InetAddress address) {
    Checks.notNull(field, address);
    if (address instanceof Inet4Address ? PLAIN_V4[plainSlot(address)] == address : lastPlainV6 == address) {
      return address; // made by fromBytes a moment ago: plain already
    }
    return fromBytes(field, address.getAddress());
  }

  // The addresses fromBytes made last, by identity, so that normalize() can hand them back without a second copy:
  // a parsed save line or a dumped destination makes its address here and the model's constructor normalizes it
  // again at once (two objects per destination otherwise). IPv4 addresses in 1024 slots by their hash mixed (an
  // Inet4Address's hash is its value), so that a parser's or decoder's own cache of addresses it made earlier still
  // hits; IPv6 only the last one (its hash walks the 16 bytes, which cost more than the copy saved).
  // Racy on purpose: a slot holds some recent address, a miss only costs the copy, and a hit is a reference
  // comparison that reads nothing of the stored object. (An address whose getHostName() was called later keeps the
  // name it looked up; nothing in ipvs4j calls it.)
  private static final InetAddress[] PLAIN_V4 = new InetAddress[1024];

  /** The slot of an IPv4 address: its hash (the value) mixed, so that addresses of one subnet spread. */
  private static int plainSlot(InetAddress v4) {
    return (v4.hashCode() * 0x9E3779B9) >>> 22;
  }

  private static InetAddress lastPlainV6;

  /** Builds a plain address (no host name, no scope) from 4 or 16 raw bytes (network order); 16 bytes give IPv6. */
  public static InetAddress fromBytes(String field, byte[] bytes) {
    Checks.notNull(field, bytes);
    InetAddress made;
    try {
      if (bytes.length == 4) {
        made = InetAddress.getByAddress(bytes);
      } else if (bytes.length == 16) {
        made = Inet6Address.getByAddress(null, bytes, -1);
      } else {
        throw new InvalidValueException(field, bytes.length + " bytes", "4 (IPv4) or 16 (IPv6) bytes");
      }
    } catch (UnknownHostException e) {
      throw new AssertionError("a 4- or 16-byte array is always a valid address", e);
    }
    if (made instanceof Inet4Address) {
      PLAIN_V4[plainSlot(made)] = made;
    } else {
      lastPlainV6 = made;
    }
    return made;
  }

  /** Parses an IPv4 or IPv6 literal (IPv6 optionally in brackets); never does a DNS lookup. */
  public static InetAddress parse(String field, String text) {
    Checks.notNull(field, text);
    String s = text;
    if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
      s = s.substring(1, s.length() - 1);
      byte[] v6 = parseIpv6(s);
      if (v6 != null) {
        return fromBytes(field, v6);
      }
    } else {
      byte[] v4 = parseIpv4(s);
      if (v4 != null) {
        return fromBytes(field, v4);
      }
      byte[] v6 = parseIpv6(s);
      if (v6 != null) {
        return fromBytes(field, v6);
      }
    }
    throw new InvalidValueException(
        field, Checks.quote(text), "an IPv4 or IPv6 address literal such as 192.0.2.1 or 2001:db8::1");
  }

  /** Parses a dotted quad {@code a.b.c.d} (decimal, 0-255, no leading zeros), or returns null. */
  public static byte[] parseIpv4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return null;
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == n ? out : null;
  }

  /** Parses an RFC 4291 IPv6 text form (with {@code ::} and an optional dotted-quad tail), or returns null. */
  public static byte[] parseIpv6(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? s.substring(0, gap) : s;
    String tail = gap >= 0 ? s.substring(gap + 2) : "";
    int[] h = groups(head, gap < 0);
    int[] t = gap >= 0 ? groups(tail, true) : new int[0];
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int k = 0; k < h.length; k++) {
      out[2 * k] = (byte) (h[k] >>> 8);
      out[2 * k + 1] = (byte) h[k];
    }
    for (int k = 0; k < t.length; k++) {
      int g = 8 - t.length + k;
      out[2 * g] = (byte) (t[k] >>> 8);
      out[2 * g + 1] = (byte) t[k];
    }
    return out;
  }

  /** Splits colon-separated hex groups; the last one may be a dotted quad (two groups) when allowed. */
  private static int[] groups(String s, boolean quadAllowed) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length + 1];
    int count = 0;
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k];
      if (k == parts.length - 1 && quadAllowed && p.indexOf('.') >= 0) {
        byte[] q = parseIpv4(p);
        if (q == null) {
          return null;
        }
        out[count++] = ((q[0] & 0xff) << 8) | (q[1] & 0xff);
        out[count++] = ((q[2] & 0xff) << 8) | (q[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int c = 0; c < p.length(); c++) {
        int d = Character.digit(p.charAt(c), 16);
        if (d < 0) {
          return null;
        }
        v = (v << 4) | d;
      }
      out[count++] = v;
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * Prints an address the way {@code ipvsadm -n} and RFC 5952 do: {@code 192.0.2.1}, {@code 2001:db8::1} (lower
   * case, the longest run of two or more zero groups as {@code ::}), {@code ::ffff:192.0.2.1} for IPv4-mapped.
   */
  public static String format(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    int[] g = new int[8];
    for (int k = 0; k < 8; k++) {
      g[k] = ((b[2 * k] & 0xff) << 8) | (b[2 * k + 1] & 0xff);
    }
    boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
    if (mapped) {
      return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int k = 0; k < 8; ) {
      if (g[k] != 0) {
        k++;
        continue;
      }
      int start = k;
      while (k < 8 && g[k] == 0) {
        k++;
      }
      if (k - start > bestLen) {
        bestStart = start;
        bestLen = k - start;
      }
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        sb.append("::");
        k += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[k]));
    }
    return sb.toString();
  }

  /** {@code 192.0.2.1:80} or {@code [2001:db8::1]:80}. */
  public static String formatWithPort(InetAddress address, int port) {
    return (address instanceof Inet4Address ? format(address) : "[" + format(address) + "]") + ":" + port;
  }
}
