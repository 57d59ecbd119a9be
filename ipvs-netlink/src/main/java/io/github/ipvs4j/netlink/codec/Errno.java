package io.github.ipvs4j.netlink.codec;

import java.util.Map;

/**
 * A Linux errno value with its symbolic name and glibc's {@code strerror} text, for the numbers netlink and socket
 * calls return (asm-generic numbering, used by x86, arm, arm64, riscv, s390, ppc; not alpha, mips, parisc or sparc).
 *
 * <p>Errno values are kept as numbers; never as enum ordinals. Unknown values keep their number:
 * {@code Errno.of(300).name()} is {@code "errno 300"} and its description {@code "Unknown error 300"}.
 *
 * @param value the positive errno number
 */
public record Errno(int value) {
  /** {@code EPERM 1}. */
  public static final int EPERM = 1;
  /** {@code ENOENT 2}. */
  public static final int ENOENT = 2;
  /** {@code ESRCH 3}. */
  public static final int ESRCH = 3;
  /** {@code EINTR 4}. */
  public static final int EINTR = 4;
  /** {@code EBADF 9}. */
  public static final int EBADF = 9;
  /** {@code EAGAIN 11} (also {@code EWOULDBLOCK}). */
  public static final int EAGAIN = 11;
  /** {@code ENOMEM 12}. */
  public static final int ENOMEM = 12;
  /** {@code EACCES 13}. */
  public static final int EACCES = 13;
  /** {@code EBUSY 16}. */
  public static final int EBUSY = 16;
  /** {@code EEXIST 17}. */
  public static final int EEXIST = 17;
  /** {@code EINVAL 22}. */
  public static final int EINVAL = 22;
  /** {@code ERANGE 34}. */
  public static final int ERANGE = 34;
  /** {@code EMSGSIZE 90}. */
  public static final int EMSGSIZE = 90;
  /** {@code ENOPROTOOPT 92}. */
  public static final int ENOPROTOOPT = 92;
  /** {@code EOPNOTSUPP 95}. */
  public static final int EOPNOTSUPP = 95;
  /** {@code EAFNOSUPPORT 97}. */
  public static final int EAFNOSUPPORT = 97;
  /** {@code ENOBUFS 105}. */
  public static final int ENOBUFS = 105;
  /** {@code ECONNREFUSED 111}: what a unicast to a netlink socket connected to another port gets. */
  public static final int ECONNREFUSED = 111;

  private static final Map<Integer, String[]> KNOWN =
      Map.ofEntries(
          e(1, "EPERM", "Operation not permitted"),
          e(2, "ENOENT", "No such file or directory"),
          e(3, "ESRCH", "No such process"),
          e(4, "EINTR", "Interrupted system call"),
          e(5, "EIO", "Input/output error"),
          e(6, "ENXIO", "No such device or address"),
          e(7, "E2BIG", "Argument list too long"),
          e(9, "EBADF", "Bad file descriptor"),
          e(11, "EAGAIN", "Resource temporarily unavailable"),
          e(12, "ENOMEM", "Cannot allocate memory"),
          e(13, "EACCES", "Permission denied"),
          e(14, "EFAULT", "Bad address"),
          e(16, "EBUSY", "Device or resource busy"),
          e(17, "EEXIST", "File exists"),
          e(19, "ENODEV", "No such device"),
          e(20, "ENOTDIR", "Not a directory"),
          e(22, "EINVAL", "Invalid argument"),
          e(23, "ENFILE", "Too many open files in system"),
          e(24, "EMFILE", "Too many open files"),
          e(28, "ENOSPC", "No space left on device"),
          e(34, "ERANGE", "Numerical result out of range"),
          e(38, "ENOSYS", "Function not implemented"),
          e(71, "EPROTO", "Protocol error"),
          e(74, "EBADMSG", "Bad message"),
          e(75, "EOVERFLOW", "Value too large for defined data type"),
          e(88, "ENOTSOCK", "Socket operation on non-socket"),
          e(90, "EMSGSIZE", "Message too long"),
          e(91, "EPROTOTYPE", "Protocol wrong type for socket"),
          e(92, "ENOPROTOOPT", "Protocol not available"),
          e(93, "EPROTONOSUPPORT", "Protocol not supported"),
          e(94, "ESOCKTNOSUPPORT", "Socket type not supported"),
          e(95, "EOPNOTSUPP", "Operation not supported"),
          e(97, "EAFNOSUPPORT", "Address family not supported by protocol"),
          e(98, "EADDRINUSE", "Address already in use"),
          e(99, "EADDRNOTAVAIL", "Cannot assign requested address"),
          e(100, "ENETDOWN", "Network is down"),
          e(105, "ENOBUFS", "No buffer space available"),
          e(110, "ETIMEDOUT", "Connection timed out"),
          e(111, "ECONNREFUSED", "Connection refused"));

  private static Map.Entry<Integer, String[]> e(int value, String name, String description) {
    return Map.entry(value, new String[] {name, description});
  }

  /** Checks that {@code value} is positive. */
  public Errno {
    if (value <= 0) {
      throw new IllegalArgumentException("errno: " + value + " (expected: > 0)");
    }
  }

  /** The errno for {@code value} (positive). */
  public static Errno of(int value) {
    return new Errno(value);
  }

  /** The symbolic name, e.g. {@code "ENOENT"}, or {@code "errno N"} for numbers not in the table. */
  public String name() {
    String[] known = KNOWN.get(value);
    return known != null ? known[0] : "errno " + value;
  }

  /** glibc's strerror text, e.g. {@code "No such file or directory"}, or {@code "Unknown error N"}. */
  public String description() {
    String[] known = KNOWN.get(value);
    return known != null ? known[1] : "Unknown error " + value;
  }

  @Override
  public String toString() {
    return name() + "(" + value + "): " + description();
  }
}
