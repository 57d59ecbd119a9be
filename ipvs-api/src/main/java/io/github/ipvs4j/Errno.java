package io.github.ipvs4j;

import java.util.Map;
import java.util.Optional;

/**
 * The Linux errno values ipvs4j names in its messages, with their C names ({@code asm-generic/errno-base.h} and
 * {@code errno.h}). Only a lookup table: an errno is kept as the kernel's {@code int} everywhere, never as an enum
 * ordinal, so a value missing here is still reported, as {@code "errno 200"}.
 */
public final class Errno {
  private Errno() {}

  /** {@code EPERM}: operation not permitted (IPVS: the caller lacks CAP_NET_ADMIN). */
  public static final int EPERM = 1;
  /** {@code ENOENT}: no such file or directory (IPVS: scheduler, engine or destination not found). */
  public static final int ENOENT = 2;
  /** {@code ESRCH}: no such process (IPVS: no such service, or no such sync daemon). */
  public static final int ESRCH = 3;
  /** {@code EINTR}: interrupted system call. */
  public static final int EINTR = 4;
  /** {@code EIO}: input/output error. */
  public static final int EIO = 5;
  /** {@code EBADF}: bad file descriptor. */
  public static final int EBADF = 9;
  /** {@code EAGAIN}: resource temporarily unavailable (also {@code EWOULDBLOCK}). */
  public static final int EAGAIN = 11;
  /** {@code ENOMEM}: out of memory. */
  public static final int ENOMEM = 12;
  /** {@code EACCES}: permission denied. */
  public static final int EACCES = 13;
  /** {@code EFAULT}: bad address. */
  public static final int EFAULT = 14;
  /** {@code EBUSY}: device or resource busy. */
  public static final int EBUSY = 16;
  /** {@code EEXIST}: file exists (IPVS: service, destination or daemon exists). */
  public static final int EEXIST = 17;
  /** {@code ENODEV}: no such device (IPVS: the sync daemon's interface does not exist). */
  public static final int ENODEV = 19;
  /** {@code EINVAL}: invalid argument. */
  public static final int EINVAL = 22;
  /** {@code ERANGE}: result out of range (IPVS: weight or thresholds refused). */
  public static final int ERANGE = 34;
  /** {@code EMSGSIZE}: message too long. */
  public static final int EMSGSIZE = 90;
  /** {@code EPROTONOSUPPORT}: protocol not supported. */
  public static final int EPROTONOSUPPORT = 93;
  /** {@code ENOPROTOOPT}: protocol not available. */
  public static final int ENOPROTOOPT = 92;
  /** {@code EOPNOTSUPP}: operation not supported. */
  public static final int EOPNOTSUPP = 95;
  /** {@code EAFNOSUPPORT}: address family not supported by protocol. */
  public static final int EAFNOSUPPORT = 97;
  /** {@code EADDRNOTAVAIL}: cannot assign requested address. */
  public static final int EADDRNOTAVAIL = 99;
  /** {@code ENOBUFS}: no buffer space available (a netlink receive buffer overran). */
  public static final int ENOBUFS = 105;
  /** {@code ETIMEDOUT}: connection timed out. */
  public static final int ETIMEDOUT = 110;

  private static final Map<Integer, String[]> TABLE =
      Map.ofEntries(
          entry(EPERM, "EPERM", "operation not permitted"),
          entry(ENOENT, "ENOENT", "no such file or directory"),
          entry(ESRCH, "ESRCH", "no such process"),
          entry(EINTR, "EINTR", "interrupted system call"),
          entry(EIO, "EIO", "input/output error"),
          entry(EBADF, "EBADF", "bad file descriptor"),
          entry(EAGAIN, "EAGAIN", "resource temporarily unavailable"),
          entry(ENOMEM, "ENOMEM", "out of memory"),
          entry(EACCES, "EACCES", "permission denied"),
          entry(EFAULT, "EFAULT", "bad address"),
          entry(EBUSY, "EBUSY", "device or resource busy"),
          entry(EEXIST, "EEXIST", "file exists"),
          entry(ENODEV, "ENODEV", "no such device"),
          entry(EINVAL, "EINVAL", "invalid argument"),
          entry(ERANGE, "ERANGE", "numerical result out of range"),
          entry(EMSGSIZE, "EMSGSIZE", "message too long"),
          entry(ENOPROTOOPT, "ENOPROTOOPT", "protocol not available"),
          entry(EPROTONOSUPPORT, "EPROTONOSUPPORT", "protocol not supported"),
          entry(EOPNOTSUPP, "EOPNOTSUPP", "operation not supported"),
          entry(EAFNOSUPPORT, "EAFNOSUPPORT", "address family not supported by protocol"),
          entry(EADDRNOTAVAIL, "EADDRNOTAVAIL", "cannot assign requested address"),
          entry(ENOBUFS, "ENOBUFS", "no buffer space available"),
          entry(ETIMEDOUT, "ETIMEDOUT", "connection timed out"));

  private static Map.Entry<Integer, String[]> entry(int errno, String name, String text) {
    return Map.entry(errno, new String[] {name, text});
  }

  /** The C name of {@code errno}, such as {@code "EEXIST"} for 17, if this table knows it. */
  public static Optional<String> name(int errno) {
    String[] e = TABLE.get(errno);
    return e == null ? Optional.empty() : Optional.of(e[0]);
  }

  /** The C library's description of {@code errno} in lower case, such as {@code "file exists"}, if known. */
  public static Optional<String> description(int errno) {
    String[] e = TABLE.get(errno);
    return e == null ? Optional.empty() : Optional.of(e[1]);
  }

  /** {@code "EEXIST, errno 17"}, or {@code "errno 200"} for a value not in the table. */
  public static String label(int errno) {
    return name(errno).map(n -> n + ", errno " + errno).orElse("errno " + errno);
  }
}
