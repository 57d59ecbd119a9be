package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.codec.Errno;

/**
 * A system call on a netlink socket failed; it keeps the call's name and its errno, read straight after the call. The
 * message follows netty's format: {@code "recv(..) failed with error(105): No buffer space available"}.
 *
 * <p>{@code ENOBUFS} from a receive means the socket's receive buffer overflowed and messages were lost.
 */
public final class NetlinkSocketException extends NetlinkException {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final transient Errno typed;

  /** {@code call} failed with {@code errno}; {@code detail} (may be null) is appended in parentheses. */
  public NetlinkSocketException(String call, int errno, String detail) {
    super(message(call, errno, detail), errno);
    this.call = call;
    this.typed = Errno.of(errno);
  }

  private static String message(String call, int errno, String detail) {
    String m = call + "(..) failed with error(" + errno + "): " + Errno.of(errno).description();
    return detail == null ? m : m + " (" + detail + ")";
  }

  /** The failed call, e.g. {@code "recv"}. */
  public String call() {
    return call;
  }

  /** The errno, typed. */
  public Errno errnoValue() {
    return typed;
  }
}
