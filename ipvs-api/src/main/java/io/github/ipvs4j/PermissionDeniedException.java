package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The caller may not do this: EPERM or EACCES. Every IPVS command, reads included, needs CAP_NET_ADMIN in the
 * user namespace that owns the network namespace ({@code ipvsadm}: "Permission denied (you must be root)").
 */
public class PermissionDeniedException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public PermissionDeniedException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public PermissionDeniedException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
