package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A virtual IP address as a host address (/32 or /128) on an interface, optionally with an IPv4 label: what
 * {@code ifconfig lo:0 VIP netmask 255.255.255.255 up} made, or {@code ip addr add VIP/32 dev lo label lo:0}.
 *
 * <pre>{@code
 * Vip.of("192.0.2.10", "lo").withLabel("lo:0");   // 192.0.2.10/32 on lo, label lo:0
 * Vip.of("2001:db8::10", "dummy0");               // 2001:db8::10/128 on dummy0 (IPv6: no labels, no DAD)
 * Vip.of("192.0.2.10", "eth0").withLabel("lo:0"); // InvalidValueException: a label starts with its device's name
 * Vip.of("vip.example", "lo");                    // InvalidValueException: a literal address, never a DNS name
 * }</pre>
 *
 * @param address the address
 * @param device the interface it is on
 * @param label the IPv4 label ({@code "eth0:0"}), or empty for the device's own name
 */
public record Vip(InetAddress address, String device, Optional<String> label) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /** Checks the device name and the label. */
  public Vip {
    Objects.requireNonNull(address, "address");
    InterfaceNames.requireValid(device);
    Objects.requireNonNull(label, "label");
    if (label.isPresent()) {
      if (address instanceof Inet6Address) {
        throw new InvalidValueException("label", "'" + label.get() + "'", "no label on an IPv6 address");
      }
      InterfaceNames.requireValidLabel(device, label.get());
    }
  }

  /** {@code address} (a literal IPv4 or IPv6 address) on {@code device}, without a label. */
  public static Vip of(String address, String device) {
    return new Vip(literal(address), device, Optional.empty());
  }

  /** {@code address} on {@code device}, without a label. */
  public static Vip of(InetAddress address, String device) {
    return new Vip(address, device, Optional.empty());
  }

  /** This VIP with the IPv4 label {@code label}, such as {@code "lo:0"}. */
  public Vip withLabel(String label) {
    return new Vip(address, device, Optional.of(label));
  }

  /** 32 for IPv4, 128 for IPv6. */
  public int prefixLength() {
    return address instanceof Inet4Address ? 32 : 128;
  }

  /** Whether this is an IPv6 address. */
  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  /** This VIP without its label: what identifies it on its device. */
  public Vip unlabelled() {
    return label.isEmpty() ? this : new Vip(address, device, Optional.empty());
  }

  /**
   * Parses a literal IPv4 or IPv6 address, never asking DNS.
   *
   * @throws InvalidValueException if {@code text} is not one
   */
  public static InetAddress literal(String text) {
    Objects.requireNonNull(text, "address");
    boolean v4 = IPV4.matcher(text).matches();
    boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    if (!v4 && !v6) {
      throw new InvalidValueException("address", "'" + text + "'", "a literal IPv4 or IPv6 address");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new InvalidValueException("address", "'" + text + "'", "a literal IPv4 or IPv6 address");
    }
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength() + " dev " + device + label.map(l -> " label " + l).orElse("");
  }
}
