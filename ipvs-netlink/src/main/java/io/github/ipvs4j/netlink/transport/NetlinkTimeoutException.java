package io.github.ipvs4j.netlink.transport;

/**
 * No datagram arrived within the configured timeout. The socket stays usable: a late reply is recognised by its
 * sequence number and dropped. Not retryable by default, because the kernel may have applied the request.
 */
public final class NetlinkTimeoutException extends NetlinkException {
  private static final long serialVersionUID = 1L;

  /** A timeout described by {@code message}. */
  public NetlinkTimeoutException(String message) {
    super(message);
  }
}
