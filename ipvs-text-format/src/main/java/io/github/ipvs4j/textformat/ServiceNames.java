package io.github.ipvs4j.textformat;

import io.github.ipvs4j.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Port names such as {@code http}, as {@code /etc/services} gives them: ipvsadm reads {@code 192.0.2.10:http} with
 * {@code getservbyname(name, protocol)} and prints ports as names with {@code getservbyport} when {@code -n} is not
 * given. Lookups are per protocol ({@code tcp}, {@code udp}, {@code sctp}): on Debian 12, {@code http} is a TCP name
 * only, so {@code -u 192.0.2.10:http} is refused there.
 *
 * <p>{@link #builtIn()} is a table of common entries that agree with Debian 12's {@code /etc/services}; {@link
 * #fromFile(Path)} reads a file in that format, so that a system's own table (and so exactly what its ipvsadm does)
 * can be used. Lookups follow glibc: a name matches an entry's official name or one of its aliases, the first entry
 * in file order wins, and a port prints as the official name of the first entry for it. Immutable and thread-safe.
 */
public final class ServiceNames {

  private static final String BUILT_IN =
      """
      ftp-data 20/tcp
      ftp 21/tcp
      ssh 22/tcp
      telnet 23/tcp
      smtp 25/tcp mail
      domain 53/tcp
      domain 53/udp
      bootps 67/udp
      bootpc 68/udp
      tftp 69/udp
      http 80/tcp www
      kerberos 88/tcp kerberos5 krb5
      kerberos 88/udp kerberos5 krb5
      pop3 110/tcp pop-3
      ntp 123/udp
      imap2 143/tcp imap
      snmp 161/tcp
      snmp 161/udp
      bgp 179/tcp
      ldap 389/tcp
      ldap 389/udp
      https 443/tcp
      https 443/udp
      submissions 465/tcp ssmtp smtps
      isakmp 500/udp
      syslog 514/udp
      submission 587/tcp
      ldaps 636/tcp
      ldaps 636/udp
      rsync 873/tcp
      imaps 993/tcp
      pop3s 995/tcp
      openvpn 1194/tcp
      openvpn 1194/udp
      ms-sql-s 1433/tcp
      radius 1812/tcp
      radius 1812/udp
      radius-acct 1813/tcp radacct
      radius-acct 1813/udp radacct
      nfs 2049/tcp
      nfs 2049/udp
      mysql 3306/tcp
      iscsi-target 3260/tcp
      sip 5060/tcp
      sip 5060/udp
      sip-tls 5061/tcp
      sip-tls 5061/udp
      xmpp-client 5222/tcp jabber-client
      postgresql 5432/tcp postgres
      amqp 5672/tcp
      amqp 5672/sctp
      redis 6379/tcp
      http-alt 8080/tcp webcache
      git 9418/tcp
      webmin 10000/tcp
      zabbix-agent 10050/tcp
      """;

  private static final ServiceNames BUILT_IN_NAMES = parse(BUILT_IN);
  private static final ServiceNames NONE = new ServiceNames(List.of());

  private record Entry(String name, int port, String protocol, List<String> aliases) {}

  private final List<Entry> entries;
  // port -> official name, per protocol (tcp, udp, sctp); null where none
  private final String[][] byPort = new String[3][];

  private ServiceNames(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (int p = 0; p < 3; p++) {
      byPort[p] = new String[65536];
    }
    for (Entry e : this.entries) {
      int p = index(e.protocol);
      if (p >= 0 && byPort[p][e.port] == null) {
        byPort[p][e.port] = e.name;
      }
    }
  }

  /** The built-in table of common services (agreeing with Debian 12's {@code /etc/services}). */
  public static ServiceNames builtIn() {
    return BUILT_IN_NAMES;
  }

  /** No names at all: every port is a number. */
  public static ServiceNames none() {
    return NONE;
  }

  /**
   * The names in a file in {@code /etc/services} format ({@code name port/protocol [aliases...] [# comment]}).
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ServiceNames fromFile(Path file) {
    try {
      return parse(Files.readString(Objects.requireNonNull(file, "file"), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The names in {@code text}, in {@code /etc/services} format. Malformed lines are skipped, as glibc does. */
  public static ServiceNames parse(String text) {
    List<Entry> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      String[] f = line.trim().split("[ \t]+");
      if (f.length < 2 || f[0].isEmpty()) {
        continue;
      }
      int slash = f[1].indexOf('/');
      if (slash <= 0) {
        continue;
      }
      int port;
      try {
        port = Integer.parseInt(f[1].substring(0, slash));
      } catch (NumberFormatException e) {
        continue;
      }
      if (port < 0 || port > 65535) {
        continue;
      }
      List<String> aliases = new ArrayList<>();
      for (int i = 2; i < f.length; i++) {
        aliases.add(f[i]);
      }
      out.add(new Entry(f[0], port, f[1].substring(slash + 1).toLowerCase(Locale.ROOT), aliases));
    }
    return new ServiceNames(out);
  }

  private static int index(String protocol) {
    switch (protocol) {
      case "tcp":
        return 0;
      case "udp":
        return 1;
      case "sctp":
        return 2;
      default:
        return -1;
    }
  }

  private static int index(Protocol protocol) {
    if (protocol == null) {
      return -1;
    }
    switch (protocol.number()) {
      case 6:
        return 0;
      case 17:
        return 1;
      case 132:
        return 2;
      default:
        return -1;
    }
  }

  /** The port called {@code name} for {@code protocol} ({@code getservbyname}); empty if none or another protocol. */
  public OptionalInt port(String name, Protocol protocol) {
    int p = index(protocol);
    if (p < 0) {
      return OptionalInt.empty();
    }
    String proto = p == 0 ? "tcp" : p == 1 ? "udp" : "sctp";
    for (Entry e : entries) {
      if (e.protocol.equals(proto) && (e.name.equals(name) || e.aliases.contains(name))) {
        return OptionalInt.of(e.port);
      }
    }
    return OptionalInt.empty();
  }

  /** The name of {@code port} for {@code protocol} ({@code getservbyport}), or null if it has none. */
  public String nameOf(int port, Protocol protocol) {
    int p = index(protocol);
    if (p < 0 || port < 0 || port > 65535) {
      return null;
    }
    return byPort[p][port];
  }
}
