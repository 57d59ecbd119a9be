package io.github.ipvs4j.netlink.transport;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A netlink exchange failed: a system call failed ({@link NetlinkSocketException}), the kernel answered with an error
 * ({@link NetlinkErrorException}), no answer came in time ({@link NetlinkTimeoutException}), a dump was interrupted
 * ({@link NetlinkDumpInterruptedException}), or a datagram did not fit the buffer.
 *
 * <p>Checked, like netty's and jnr's socket exceptions; the IPVS layer wraps it into an {@code IpvsException} at the
 * API boundary, keeping {@link #errno()} and {@link #isRetryable()}.
 */
public class NetlinkException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int errno;

  /** A failure without an errno. */
  public NetlinkException(String message) {
    this(message, 0);
  }

  /** A failure with {@code errno} (positive; 0 for none). */
  protected NetlinkException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  /** The positive errno from the kernel or the failed call, if there is one. */
  public OptionalInt errno() {
    return errno > 0 ? OptionalInt.of(errno) : OptionalInt.empty();
  }

  /** Whether running the same exchange again may succeed (for example an interrupted dump). */
  public boolean isRetryable() {
    return false;
  }
}
