package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The virtual service named in a request does not exist: ESRCH on any service-scoped operation ({@code ipvsadm}:
 * "No such service", or "Service not defined" for destination operations).
 */
public class NoSuchServiceException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public NoSuchServiceException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public NoSuchServiceException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
