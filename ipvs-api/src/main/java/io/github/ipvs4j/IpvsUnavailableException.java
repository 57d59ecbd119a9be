package io.github.ipvs4j;

/**
 * The kernel offers no IPVS: the {@code IPVS} generic-netlink family is absent, usually because the {@code ip_vs}
 * module is not loaded. ipvs4j never loads modules itself; run {@code modprobe ip_vs} (as root) and try again.
 */
public class IpvsUnavailableException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** IPVS is unavailable for the reason in {@code message}. */
  public IpvsUnavailableException(String message) {
    super(message);
  }
}
