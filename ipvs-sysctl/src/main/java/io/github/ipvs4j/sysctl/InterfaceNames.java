package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks network interface names and address labels the way the kernel does ({@code dev_valid_name}), so that a name
 * can never reach outside its directory in {@code /proc/sys} ({@code "../"}) or be refused later by the kernel.
 *
 * <pre>{@code
 * InterfaceNames.requireValid("eth0");        // "eth0"
 * InterfaceNames.requireValid("eth0.100");    // "eth0.100" (a VLAN: dots are fine)
 * InterfaceNames.requireValid("../ipv4");     // InvalidValueException: interface: '../ipv4' (expected: ...)
 * InterfaceNames.requireValidLabel("lo", "lo:0");   // "lo:0"
 * InterfaceNames.requireValidLabel("lo", "eth0:0"); // InvalidValueException: the label must start with "lo"
 * }</pre>
 */
public final class InterfaceNames {
  /** {@code IFNAMSIZ - 1}: the longest name, in bytes. */
  public static final int MAX_LENGTH = 15;

  private static final String EXPECTED =
      "1-15 bytes, not '.' or '..', no '/', ':', NUL or white space";

  private InterfaceNames() {}

  /** Whether {@code name} is a valid interface name ({@code dev_valid_name} in {@code net/core/dev.c}). */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      return false;
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code name} if it is a valid interface name.
   *
   * @throws InvalidValueException otherwise, naming the rule
   */
  public static String requireValid(String name) {
    Objects.requireNonNull(name, "interface");
    if (!isValid(name)) {
      throw new InvalidValueException("interface", "'" + name + "'", EXPECTED);
    }
    return name;
  }

  /**
   * Returns {@code label} if it is a valid IPv4 address label for {@code device}: the device's name itself, or the
   * name followed by {@code ':'} and more (as {@code ifconfig eth0:0} made), at most 15 bytes, no {@code '/'}, NUL or
   * white space.
   *
   * @throws InvalidValueException otherwise
   */
  public static String requireValidLabel(String device, String label) {
    requireValid(device);
    Objects.requireNonNull(label, "label");
    boolean ok =
        label.getBytes(StandardCharsets.UTF_8).length <= MAX_LENGTH
            && (label.equals(device) || (label.startsWith(device + ":") && label.length() > device.length() + 1));
    for (int i = 0; ok && i < label.length(); i++) {
      char c = label.charAt(i);
      ok = c != '/' && c != '\0' && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
    if (!ok) {
      throw new InvalidValueException(
          "label", "'" + label + "'", "'" + device + "' or '" + device + ":ALIAS', at most 15 bytes, no '/' or spaces");
    }
    return label;
  }
}
