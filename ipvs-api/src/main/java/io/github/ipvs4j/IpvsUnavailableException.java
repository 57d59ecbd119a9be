package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel offers no IPVS: the {@code IPVS} generic-netlink family is absent, usually because the {@code ip_vs}
 * module is not loaded. ipvs4j never loads modules itself; run {@code modprobe ip_vs} (as root) and try again. Also
 * thrown by {@link Ipvs#open()} when no {@linkplain io.github.ipvs4j.spi.IpvsClientProvider provider} is on the class
 * or module path.
 */
public class IpvsUnavailableException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** IPVS is unavailable for the reason in {@code message}. */
  public IpvsUnavailableException(String message) {
    super(IpvsOperation.OPEN, message, OptionalInt.empty(), Optional.empty(), null);
  }

  /** IPVS is unavailable for the reason in {@code message}, caused by {@code cause}. */
  public IpvsUnavailableException(String message, Throwable cause) {
    super(IpvsOperation.OPEN, message, OptionalInt.empty(), Optional.empty(), cause);
  }

  /** An exception with every detail; see {@link IpvsException#IpvsException(IpvsOperation, String, OptionalInt, Optional, Throwable)}. */
  public IpvsUnavailableException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(operation, message, errno, kernelMessage, cause);
  }
}
