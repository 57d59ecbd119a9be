package io.github.ipvs4j.textformat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Host names for ipvsadm's text: {@code ipvsadm -R} resolves a host name with {@code gethostbyname} (IPv4 only) and
 * {@code ipvsadm -S} without {@code -n} prints addresses as names with {@code gethostbyaddr}.
 *
 * <p>ipvs4j never looks a name up unless told to: {@link #none()} (the default everywhere) knows no names, so the
 * parser refuses host names and the printers print addresses. {@link #of(Map)} knows a fixed set (tests, {@code
 * /etc/hosts}-like tables); {@link #system()} asks the JDK's resolver, which may do DNS.
 */
public interface HostResolver {

  /** The IPv4 address of {@code host}, as {@code gethostbyname} would give its first address, if any. */
  Optional<Inet4Address> addressOf(String host);

  /** The name of {@code address}, as {@code gethostbyaddr} would give it, if any. */
  Optional<String> nameOf(InetAddress address);

  /** Knows no names: the default. */
  static HostResolver none() {
    return NoHosts.INSTANCE;
  }

  /** Knows exactly the names in {@code hosts} (name to address); reverse lookups give the first name mapped. */
  static HostResolver of(Map<String, ? extends InetAddress> hosts) {
    Map<String, InetAddress> copy = Map.copyOf(hosts);
    return new HostResolver() {
      @Override
      public Optional<Inet4Address> addressOf(String host) {
        InetAddress a = copy.get(host);
        return a instanceof Inet4Address v4 ? Optional.of(v4) : Optional.empty();
      }

      @Override
      public Optional<String> nameOf(InetAddress address) {
        return copy.entrySet().stream()
            .filter(e -> e.getValue().equals(address))
            .map(Map.Entry::getKey)
            .sorted()
            .findFirst();
      }
    };
  }

  /** The JDK's resolver ({@code /etc/hosts}, then DNS as the system is configured): may block on the network. */
  static HostResolver system() {
    return new HostResolver() {
      @Override
      public Optional<Inet4Address> addressOf(String host) {
        try {
          for (InetAddress a : InetAddress.getAllByName(host)) {
            if (a instanceof Inet4Address v4) {
              return Optional.of(v4);
            }
          }
        } catch (UnknownHostException e) {
          // not known: ipvsadm reports the address as illegal, as the caller will
        }
        return Optional.empty();
      }

      @Override
      public Optional<String> nameOf(InetAddress address) {
        String name = address.getCanonicalHostName();
        String literal = address.getHostAddress();
        return name.equals(literal) ? Optional.empty() : Optional.of(name);
      }
    };
  }
}

/** The resolver that knows no names. */
enum NoHosts implements HostResolver {
  INSTANCE;

  @Override
  public Optional<Inet4Address> addressOf(String host) {
    return Optional.empty();
  }

  @Override
  public Optional<String> nameOf(InetAddress address) {
    return Optional.empty();
  }
}
