package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.ServiceKey;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

/**
 * ipvsadm's sort of services and destinations, reproduced with its quirks. Not API.
 *
 * <p>libipvs's {@code ipvs_cmp_services} and {@code ipvs_cmp_dests} subtract unsigned 32-bit values (fwmarks, IPv4
 * addresses, the four 32-bit words of an IPv6 address) and read the difference as a signed {@code int}. Values
 * 2^31 or more apart therefore compare the "wrong" way round: fwmark 3000000000 sorts before 0 (so before every
 * non-fwmark service), and 10.0.0.1 sorts after 192.0.2.1. A destination's address is compared as the 16-byte
 * {@code union nf_inet_addr} of the first destination's family, so IPv4 and IPv6 destinations of one tunnelling
 * service compare by their first 32-bit word. Such a comparison is not always a total order, and then the result
 * depends on the sort algorithm and the input order: glibc's {@code qsort} (up to 2.36, Debian 12) is a top-down
 * merge sort that takes from the left half on ties, which {@link #sort} reproduces. Given the kernel's order (what
 * {@code ipvsadm --nosort} shows) the result is ipvsadm's in every case; given any other order it is ipvsadm's
 * whenever the comparison is a total order on the elements, as it is for addresses within 2^31 of each other.
 */
public final class IpvsadmSort {
  private IpvsadmSort() {}

  /** {@code ipvs_cmp_services}. */
  public static int compareServices(ServiceKey a, ServiceKey b) {
    int r = (int) (a.fwmarkOrZero() - b.fwmarkOrZero());
    if (r != 0) {
      return r;
    }
    r = a.family().code() - b.family().code();
    if (r != 0) {
      return r;
    }
    // a fwmark service reports no protocol: libipvs leaves it 0
    int pa = a instanceof ServiceKey.Inet i ? i.protocol().number() : 0;
    int pb = b instanceof ServiceKey.Inet i ? i.protocol().number() : 0;
    r = pa - pb;
    if (r != 0) {
      return r;
    }
    if (a instanceof ServiceKey.Inet ia && b instanceof ServiceKey.Inet ib) {
      r = compareAddresses(ia.address().getAddress(), ib.address().getAddress(), a.family() == AddressFamily.INET);
      if (r != 0) {
        return r;
      }
      return ia.port() - ib.port();
    }
    return 0;
  }

  /** {@code ipvs_cmp_dests} of two destinations' address bytes (4 or 16) and ports: as the first one's family. */
  public static int compareDestinations(byte[] a, int portA, byte[] b, int portB) {
    int r = compareAddresses(a, b, a.length == 4);
    if (r != 0) {
      return r;
    }
    return portA - portB;
  }

  private static int compareAddresses(byte[] x, byte[] y, boolean inet) {
    if (inet) {
      return (int) (word(x, 0) - word(y, 0));
    }
    int r = 0;
    for (int i = 0; r == 0 && i < 4; i++) {
      r = (int) (word(x, i) - word(y, i));
    }
    return r;
  }

  /** The i-th 32-bit word of the zero-padded 16-byte address. */
  private static long word(byte[] b, int i) {
    int off = 4 * i;
    if (off >= b.length) {
      return 0;
    }
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
  }

  /**
   * {@code items} in ipvsadm's service order. When ipvsadm's comparison is the natural order on these keys (every
   * fwmark, IPv4 address and IPv6 word within 2^31 of the others), that order; otherwise glibc's merge sort of the
   * given order with ipvsadm's comparison.
   */
  public static <T> List<T> sortServices(List<T> items, Function<T, ServiceKey> key) {
    long[] min = new long[6];
    long[] max = new long[6];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
    List<ServiceKey> keys = new ArrayList<>(items.size());
    for (T t : items) {
      ServiceKey k = key.apply(t);
      keys.add(k);
      track(min, max, 0, k.fwmarkOrZero());
      if (k instanceof ServiceKey.Inet i) {
        trackAddress(min, max, i.address().getAddress());
      }
    }
    if (narrow(min, max)) {
      List<T> out = new ArrayList<>(items);
      out.sort(Comparator.comparing(key, ServiceKey.ORDER));
      return out;
    }
    return pick(items, sort(items.size(), (a, b) -> compareServices(keys.get(a), keys.get(b))));
  }

  /**
   * {@code items} (one service's destinations) in ipvsadm's order; see {@link #sortServices}. A list already in
   * that order, as the model keeps a service's destinations, is returned as it is.
   */
  public static <T> List<T> sortDestinations(
      List<T> items, Function<T, InetAddress> address, ToIntFunction<T> port) {
    int n = items.size();
    // each address's bytes once: every comparison would otherwise copy two of them out of their InetAddress
    byte[][] bytes = new byte[n][];
    int[] ports = new int[n];
    long[] v4Keys = new long[n]; // an IPv4 destination's address and port in one number, in the natural order
    long[] min = new long[6];
    long[] max = new long[6];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
    int families = 0;
    int i = 0;
    for (T t : items) {
      byte[] b = address.apply(t).getAddress();
      int p = port.applyAsInt(t);
      bytes[i] = b;
      ports[i] = p;
      if (b.length == 4) {
        families |= 1;
        v4Keys[i] = word(b, 0) << 16 | p;
      } else {
        families |= 2;
      }
      trackAddress(min, max, b);
      i++;
    }
    if (families != 3 && narrow(min, max)) {
      // one family, so the natural order: the unsigned address, then the port
      IntBinaryOperator natural = families == 1
          ? (a, b) -> Long.compare(v4Keys[a], v4Keys[b])
          : (a, b) -> {
            int r = Arrays.compareUnsigned(bytes[a], bytes[b]);
            return r != 0 ? r : Integer.compare(ports[a], ports[b]);
          };
      return ascending(n, natural) ? items : pick(items, sort(n, natural));
    }
    return pick(items, sort(n, (a, b) -> compareDestinations(bytes[a], ports[a], bytes[b], ports[b])));
  }

  /** Whether positions {@code 0..n-1} are strictly ascending under {@code cmp}. */
  private static boolean ascending(int n, IntBinaryOperator cmp) {
    for (int k = 1; k < n; k++) {
      if (cmp.applyAsInt(k - 1, k) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static void trackAddress(long[] min, long[] max, byte[] b) {
    if (b.length == 4) {
      track(min, max, 1, word(b, 0));
    } else {
      for (int w = 0; w < 4; w++) {
        track(min, max, 2 + w, word(b, w));
      }
    }
  }

  private static void track(long[] min, long[] max, int i, long v) {
    min[i] = Math.min(min[i], v);
    max[i] = Math.max(max[i], v);
  }

  private static boolean narrow(long[] min, long[] max) {
    for (int i = 0; i < min.length; i++) {
      if (min[i] != Long.MAX_VALUE && max[i] - min[i] >= 0x8000_0000L) {
        return false;
      }
    }
    return true;
  }

  /** The elements of {@code items} at the positions {@code order} lists. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> pick(List<T> items, int[] order) {
    Object[] all = items.toArray();
    List<T> out = new ArrayList<>(order.length);
    for (int p : order) {
      out.add((T) all[p]);
    }
    return out;
  }

  /**
   * The positions {@code 0..n-1} in the order of glibc's merge sort ({@code msort_with_tmp}) under {@code cmp}, which
   * compares two positions: split at n/2, sort both halves, merge taking the left element when the comparison gives
   * 0 or less. Never throws on an inconsistent comparison.
   */
  public static int[] sort(int n, IntBinaryOperator cmp) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    msort(a, 0, n, new int[n], cmp);
    return a;
  }

  private static void msort(int[] a, int from, int n, int[] tmp, IntBinaryOperator cmp) {
    if (n <= 1) {
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    msort(a, from, n1, tmp, cmp);
    msort(a, from + n1, n2, tmp, cmp);
    int i = from;
    int j = from + n1;
    int endI = from + n1;
    int endJ = from + n;
    int k = 0;
    while (i < endI && j < endJ) {
      if (cmp.applyAsInt(a[i], a[j]) <= 0) {
        tmp[k++] = a[i++];
      } else {
        tmp[k++] = a[j++];
      }
    }
    while (i < endI) {
      tmp[k++] = a[i++];
    }
    // what is left of the right half is already in place
    System.arraycopy(tmp, 0, a, from, k);
  }
}
