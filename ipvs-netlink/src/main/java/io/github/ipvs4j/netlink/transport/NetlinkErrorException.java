package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.NetlinkError;
import java.util.Optional;

/**
 * The kernel rejected a request: an {@code NLMSG_ERROR} with a non-zero error (or a failed {@code NLMSG_DONE}). Keeps
 * the decoded {@link NetlinkError}: the errno, the extended-ack message and offset.
 *
 * <p>Message: {@code "kernel rejected request (type 16, seq 7): error(2): No such file or directory"}, followed by
 * {@code "; extack: <text>"} when the kernel sent one.
 */
public final class NetlinkErrorException extends NetlinkException {
  private static final long serialVersionUID = 1L;

  private final transient NetlinkError error;

  /** The kernel answered the request of {@code type} and {@code seq} with {@code error}. */
  public NetlinkErrorException(int type, int seq, NetlinkError error) {
    super(message(type, seq, error), error.errno());
    this.error = error;
  }

  private static String message(int type, int seq, NetlinkError error) {
    int errno = error.errno();
    String m = "kernel rejected request (type " + type + ", seq " + Integer.toUnsignedString(seq) + "): error("
        + errno + "): " + (errno > 0 ? Errno.of(errno).description() : "unknown");
    return error.message().map(t -> m + "; extack: " + t).orElse(m);
  }

  /** The decoded error message. */
  public NetlinkError error() {
    return error;
  }

  /** The typed errno. */
  public Errno errnoValue() {
    return Errno.of(error.errno());
  }

  /** The kernel's extended-ack text ({@code NLMSGERR_ATTR_MSG}), if it sent one. */
  public Optional<String> kernelMessage() {
    return error.message();
  }
}
