package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The virtual service to add exists already: EEXIST on {@link IpvsOperation#ADD_SERVICE} ({@code ipvsadm}:
 * "Service already exists"). {@link IpvsClient#ensureService} treats this as success.
 */
public class ServiceAlreadyExistsException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public ServiceAlreadyExistsException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public ServiceAlreadyExistsException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
