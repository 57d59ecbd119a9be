package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * No sync daemon in that state (master or backup) is running: ESRCH on {@link IpvsOperation#DEL_DAEMON} ({@code
 * ipvsadm}: "No daemon is running").
 */
public class NoSuchSyncDaemonException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public NoSuchSyncDaemonException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public NoSuchSyncDaemonException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
