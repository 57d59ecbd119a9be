package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sync daemon in that state (master or backup) runs already: EEXIST on {@link IpvsOperation#NEW_DAEMON}
 * ({@code ipvsadm}: "Daemon has already run").
 */
public class SyncDaemonAlreadyRunningException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public SyncDaemonAlreadyRunningException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public SyncDaemonAlreadyRunningException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
