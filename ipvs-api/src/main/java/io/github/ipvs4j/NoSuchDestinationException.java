package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The destination named in a request does not exist in its service: ENOENT on {@link IpvsOperation#EDIT_DEST}
 * or {@link IpvsOperation#DEL_DEST} ({@code ipvsadm}: "No such destination").
 */
public class NoSuchDestinationException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public NoSuchDestinationException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public NoSuchDestinationException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
