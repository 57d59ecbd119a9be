package io.github.ipvs4j.netlink.transport;

/**
 * A dump reply carried {@code NLM_F_DUMP_INTR}: the table changed while the kernel dumped it, so the parts may be
 * inconsistent. The whole dump was read (the socket is clean); running it again is the remedy ({@link #isRetryable()}
 * is true).
 */
public final class NetlinkDumpInterruptedException extends NetlinkException {
  private static final long serialVersionUID = 1L;

  /** An interrupted dump described by {@code message}. */
  public NetlinkDumpInterruptedException(String message) {
    super(message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
