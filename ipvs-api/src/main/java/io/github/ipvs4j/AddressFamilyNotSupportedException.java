package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel does not support the address family asked for (EAFNOSUPPORT), typically IPv6 on a kernel built
 * without {@code CONFIG_IP_VS_IPV6} or with IPv6 disabled.
 */
public class AddressFamilyNotSupportedException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** An exception described by {@code message}, without an errno. */
  public AddressFamilyNotSupportedException(String message) {
    super(message);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public AddressFamilyNotSupportedException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
