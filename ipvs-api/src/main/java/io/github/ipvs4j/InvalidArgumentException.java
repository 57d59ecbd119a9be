package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel refused a value: EINVAL or ERANGE, such as a weight or threshold out of range (ERANGE), a GUE tunnel
 * without a port, a mixed-family destination that does not tunnel, or a non-multicast sync group (EINVAL).
 *
 * <p>Not to be confused with {@link InvalidValueException}, thrown by the model before anything is sent.
 */
public class InvalidArgumentException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public InvalidArgumentException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public InvalidArgumentException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
