package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel could not find the scheduler ({@code ip_vs_<name>} module) or the persistence engine ({@code
 * ip_vs_pe_<name>}) a service asked for: ENOENT on {@link IpvsOperation#ADD_SERVICE} or {@link
 * IpvsOperation#EDIT_SERVICE} ({@code ipvsadm}: "Scheduler or persistence engine not found"). The kernel's errno
 * does not say which of the two was missing.
 */
public class SchedulerOrEngineNotFoundException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public SchedulerOrEngineNotFoundException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public SchedulerOrEngineNotFoundException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
