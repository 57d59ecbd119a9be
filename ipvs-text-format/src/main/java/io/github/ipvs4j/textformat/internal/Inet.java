package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.Addresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Address parsing and printing exactly as glibc does it for ipvsadm, without DNS. Not API.
 *
 * <ul>
 *   <li>{@link #parseAton} is {@code inet_aton}: one to four parts, each decimal, octal ({@code 0} prefix) or hex
 *       ({@code 0x} prefix), the last part filling the remaining bytes; {@code inet_aton("192.2")} is 192.0.0.2.
 *   <li>{@link #parsePton6} is {@code inet_pton(AF_INET6)}: strict RFC 4291 text, an optional dotted-quad tail
 *       without leading zeros, no scope.
 *   <li>{@link #format} is {@code inet_ntop}: for IPv6 the first longest run of two or more zero groups becomes
 *       {@code ::}, and {@code ::a.b.c.d} / {@code ::ffff:a.b.c.d} are printed with a dotted tail.
 * </ul>
 */
public final class Inet {
  private Inet() {}

  /**
   * Parses {@code s[from, to)} as {@code inet_aton} does, or returns -1 (as a long) when it is not an IPv4 address.
   * The result is the address as an unsigned 32-bit value, most significant byte first.
   */
  public static long parseAton(char[] s, int from, int to) {
    int count = 0;
    long p0 = 0;
    long p1 = 0;
    long p2 = 0;
    int i = from;
    long val;
    while (true) {
      if (i >= to || !isDigit(s[i])) {
        return -1;
      }
      // strtoul(cp, &end, 0)
      int base = 10;
      if (s[i] == '0') {
        if (i + 1 < to && (s[i + 1] == 'x' || s[i + 1] == 'X')
            && i + 2 < to && digit(s[i + 2], 16) >= 0) {
          base = 16;
          i += 2;
        } else {
          base = 8;
        }
      }
      val = 0;
      while (i < to) {
        int d = digit(s[i], base);
        if (d < 0) {
          break;
        }
        val = val * base + d;
        if (val > 0xFFFF_FFFFL) {
          return -1;
        }
        i++;
      }
      if (i < to && s[i] == '.') {
        if (count > 2 || val > 0xff) {
          return -1;
        }
        if (count == 0) {
          p0 = val;
        } else if (count == 1) {
          p1 = val;
        } else {
          p2 = val;
        }
        count++;
        i++;
        continue;
      }
      break;
    }
    if (i < to) {
      char c = s[i];
      // trailing white space ends the address (what follows is ignored, as inet_aton does)
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b)) {
        return -1;
      }
    }
    switch (count) {
      case 0:
        return val;
      case 1:
        return val > 0xFF_FFFFL ? -1 : (p0 << 24) | val;
      case 2:
        return val > 0xFFFFL ? -1 : (p0 << 24) | (p1 << 16) | val;
      default:
        return val > 0xFFL ? -1 : (p0 << 24) | (p1 << 16) | (p2 << 8) | val;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digit(char c, int base) {
    if (c >= '0' && c <= '9') {
      int d = c - '0';
      return d < base ? d : -1;
    }
    if (base == 16) {
      if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
      }
    }
    return -1;
  }

  /** Parses {@code s[from, to)} as {@code inet_pton(AF_INET6)} does into {@code out} (16 bytes); false if invalid. */
  public static boolean parsePton6(char[] s, int from, int to, byte[] out) {
    int n = 0; // words written
    int gap = -1; // index in words where "::" was
    int i = from;
    if (i >= to) {
      return false;
    }
    if (s[i] == ':') {
      if (i + 1 >= to || s[i + 1] != ':') {
        return false;
      }
      i++;
    }
    int groupStart = i;
    boolean sawXdigit = false;
    int val = 0;
    int digits = 0;
    while (i < to) {
      char c = s[i++];
      int d = digit(c, 16);
      if (d >= 0) {
        if (++digits > 4) {
          return false;
        }
        val = (val << 4) | d;
        sawXdigit = true;
        continue;
      }
      if (c == ':') {
        groupStart = i;
        if (!sawXdigit) {
          if (gap >= 0) {
            return false;
          }
          gap = n;
          continue;
        } else if (i >= to) {
          return false;
        }
        if (n >= 8) {
          return false;
        }
        putWord(out, n++, val);
        sawXdigit = false;
        val = 0;
        digits = 0;
        continue;
      }
      if (c == '.' && n <= 6) {
        long q = parsePton4(s, groupStart, to);
        if (q < 0) {
          return false;
        }
        putWord(out, n++, (int) (q >>> 16));
        putWord(out, n++, (int) q);
        sawXdigit = false;
        i = to;
        break;
      }
      return false;
    }
    if (sawXdigit) {
      if (n >= 8) {
        return false;
      }
      putWord(out, n++, val);
    }
    if (gap >= 0) {
      if (n == 8) {
        return false;
      }
      // the words after "::" move to the end; the gap between fills with zeros
      int shift = 8 - n;
      System.arraycopy(out, 2 * gap, out, 2 * (gap + shift), 2 * (n - gap));
      Arrays.fill(out, 2 * gap, 2 * (gap + shift), (byte) 0);
      n = 8;
    }
    if (n != 8) {
      return false;
    }
    return true;
  }

  private static void putWord(byte[] out, int index, int word) {
    out[2 * index] = (byte) (word >>> 8);
    out[2 * index + 1] = (byte) word;
  }

  /** {@code inet_pton(AF_INET)}: exactly four decimal parts 0-255 without leading zeros; -1 if invalid. */
  static long parsePton4(char[] s, int from, int to) {
    int parts = 0;
    int val = 0;
    boolean sawDigit = false;
    long result = 0;
    int digitsInPart = 0;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c >= '0' && c <= '9') {
        if (sawDigit && val == 0) {
          return -1;
        }
        val = val * 10 + (c - '0');
        if (val > 255 || ++digitsInPart > 3) {
          return -1;
        }
        if (!sawDigit) {
          if (++parts > 4) {
            return -1;
          }
          sawDigit = true;
        }
      } else if (c == '.' && sawDigit) {
        if (parts == 4) {
          return -1;
        }
        result = (result << 8) | val;
        val = 0;
        sawDigit = false;
        digitsInPart = 0;
      } else {
        return -1;
      }
    }
    if (parts < 4 || !sawDigit) {
      return -1;
    }
    return ((result << 8) | val) & 0xFFFF_FFFFL;
  }

  /** An address from its bytes (4 or 16). */
  public static InetAddress fromBytes(byte[] bytes) {
    return Addresses.fromBytes(bytes); // the model's own plain addresses, which its constructors take as they are
  }

  /** Four address bytes as a 32-bit value, most significant byte first. */
  public static int value(byte[] b) {
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  /** An IPv4 address from an unsigned 32-bit value. */
  public static InetAddress ipv4(long value) {
    return fromBytes(
        new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  /** {@code inet_ntop} of {@code address}, appended to {@code out}. */
  public static void format(InetAddress address, StringBuilder out) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      formatV4(b, 0, out);
    } else {
      formatV6(b, out);
    }
  }

  /** {@code inet_ntop} of {@code address}. */
  public static String format(InetAddress address) {
    StringBuilder sb = new StringBuilder(39);
    format(address, sb);
    return sb.toString();
  }

  static void formatV4(byte[] b, int off, StringBuilder out) {
    out.append(b[off] & 0xff).append('.').append(b[off + 1] & 0xff).append('.')
        .append(b[off + 2] & 0xff).append('.').append(b[off + 3] & 0xff);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void formatV6(byte[] b, StringBuilder out) {
    int[] w = new int[8];
    for (int k = 0; k < 8; k++) {
      w[k] = ((b[2 * k] & 0xff) << 8) | (b[2 * k + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int k = 0; k < 8; k++) {
      if (w[k] == 0) {
        if (curBase == -1) {
          curBase = k;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase != -1) {
        if (bestBase == -1 || curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestBase != -1 && bestLen < 2) {
      bestBase = -1;
    }
    for (int k = 0; k < 8; k++) {
      if (bestBase != -1 && k >= bestBase && k < bestBase + bestLen) {
        if (k == bestBase) {
          out.append(':');
        }
        continue;
      }
      if (k != 0) {
        out.append(':');
      }
      if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
        formatV4(b, 12, out);
        break;
      }
      int v = w[k];
      boolean started = false;
      for (int shift = 12; shift >= 0; shift -= 4) {
        int d = (v >>> shift) & 0xf;
        if (d != 0 || started || shift == 0) {
          out.append(HEX[d]);
          started = true;
        }
      }
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      out.append(':');
    }
  }
}
