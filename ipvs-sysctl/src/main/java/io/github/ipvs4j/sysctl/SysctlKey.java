package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of one sysctl, kept as its path below {@code /proc/sys} with {@code '/'} between the parts, as
 * kube-proxy's {@code sysctl} package names them: {@code net/ipv4/conf/all/arp_ignore}.
 *
 * <p>Every part is checked: none is empty, {@code "."} or {@code ".."}, and none holds NUL, so a key can never reach
 * outside {@code /proc/sys}.
 *
 * <pre>{@code
 * SysctlKey.of("net/ipv4/ip_forward").dotted();   // "net.ipv4.ip_forward"
 * SysctlKey.of("net.ipv4.vs.conntrack").path();   // "net/ipv4/vs/conntrack" (dots become slashes)
 * SysctlKey.of("net/ipv4/conf/eth0.100/rp_filter").interfaceName(); // Optional[eth0.100]
 * SysctlKey.of("net/../../etc/passwd");           // InvalidValueException
 * }</pre>
 *
 * <p>The dotted form cannot name an interface with a dot in its name (a VLAN such as {@code eth0.100}); use the
 * slash form or the typed factories in {@link LvsSysctls} for those.
 *
 * @param path the path below {@code /proc/sys}, parts separated by {@code '/'}
 */
public record SysctlKey(String path) implements Comparable<SysctlKey> {
  private static final String EXPECTED = "parts separated by '/', none empty, '.' or '..', no NUL or white space";

  /** Checks every part. */
  public SysctlKey {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new InvalidValueException("sysctl", "'" + path + "'", EXPECTED);
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new InvalidValueException("sysctl", "'" + path + "'", EXPECTED);
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c == '\0' || Character.isWhitespace(c) || Character.isISOControl(c)) {
          throw new InvalidValueException("sysctl", "'" + path + "'", EXPECTED);
        }
      }
    }
  }

  /**
   * The key {@code name}: a slash path ({@code net/ipv4/ip_forward}) is taken as it is; a name without a slash is
   * read as the dotted form of {@code sysctl(8)} ({@code net.ipv4.ip_forward}).
   */
  public static SysctlKey of(String name) {
    Objects.requireNonNull(name, "name");
    return new SysctlKey(name.indexOf('/') >= 0 ? name : name.replace('.', '/'));
  }

  /** The key for {@code child} below this one, such as {@code net/ipv4/vs} + {@code conntrack}. */
  public SysctlKey resolve(String child) {
    return new SysctlKey(path + "/" + child);
  }

  /** The name as {@code sysctl(8)} prints it: dots between the parts (and a dot in a part shown as a slash). */
  public String dotted() {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(c == '/' ? '.' : c == '.' ? '/' : c);
    }
    return out.toString();
  }

  /** The last part: {@code arp_ignore} for {@code net/ipv4/conf/all/arp_ignore}. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The interface a per-interface key is about: {@code eth0} for {@code net/ipv4/conf/eth0/...} or
   * {@code net/ipv6/conf/eth0/...}; empty for {@code all}, {@code default} and keys that are not per interface.
   */
  public Optional<String> interfaceName() {
    String[] parts = path.split("/");
    if (parts.length >= 5 && parts[0].equals("net") && (parts[1].equals("ipv4") || parts[1].equals("ipv6"))
        && parts[2].equals("conf") && !parts[3].equals("all") && !parts[3].equals("default")) {
      return Optional.of(parts[3]);
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(SysctlKey o) {
    return path.compareTo(o.path);
  }

  @Override
  public String toString() {
    return path;
  }
}
