package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The destination to add exists already in its service: EEXIST on {@link IpvsOperation#ADD_DEST} ({@code
 * ipvsadm}: "Destination already exists").
 */
public class DestinationAlreadyExistsException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public DestinationAlreadyExistsException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public DestinationAlreadyExistsException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
