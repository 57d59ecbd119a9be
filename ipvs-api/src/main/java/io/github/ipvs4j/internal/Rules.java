package io.github.ipvs4j.internal;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.VirtualService;

/** Rules that involve more than one model object, checked before anything is sent. Not API. */
public final class Rules {
  private Rules() {}

  /**
   * A destination's family may differ from its service's only when it tunnels (the kernel refuses others with
   * EINVAL).
   *
   * @throws InvalidValueException otherwise
   */
  public static void checkDestinationFamily(ServiceKey service, Destination destination) {
    if (destination.family() != service.family() && destination.forwarding() != ForwardingMethod.TUNNEL) {
      throw Checks.invalid(
          "destination.address",
          InetAddresses.format(destination.address()),
          "an " + (service.family() == AddressFamily.INET ? "IPv4" : "IPv6")
              + " address like service " + service + " (a different family needs TUNNEL forwarding)");
    }
  }

  /**
   * ipvsadm's rules for adding or editing a service that the kernel does not enforce: port 0 only for persistent
   * services, one-packet scheduling only for UDP and fwmark services.
   *
   * @throws InvalidValueException otherwise
   */
  public static void checkServiceForWrite(VirtualService service) {
    if (service.key() instanceof ServiceKey.Inet inet) {
      if (inet.port() == 0 && !service.isPersistent()) {
        throw Checks.invalid("port", 0, "1-65535 (port 0 only for a persistent service) in " + inet);
      }
      if (service.onePacket() && !inet.protocol().equals(Protocol.UDP)) {
        throw Checks.invalid("onePacket", true,
            "false for " + inet.protocol() + " (one-packet scheduling is for UDP and fwmark services)");
      }
    }
  }
}
