package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A connection-synchronisation daemon's configuration ({@code ipvsadm --start-daemon}; {@code
 * IPVS_CMD_ATTR_DAEMON}). At most one master and one backup run per network namespace.
 *
 * <p>For the optional settings, 0 or empty means "the kernel's default" when starting; a kernel of 4.3 or later
 * reports the values in effect.
 *
 * @param state master or backup
 * @param interfaceName the multicast interface ({@code IPVS_DAEMON_ATTR_MCAST_IFN}), 1-15 visible ASCII characters
 *     without {@code /} or {@code :}
 * @param syncId the SyncID ({@code IPVS_DAEMON_ATTR_SYNC_ID}), 0-255; a backup with 0 accepts every master
 * @param maxLength the largest UDP payload ({@code IPVS_DAEMON_ATTR_SYNC_MAXLEN}), 0-65535, 0 for the kernel's default
 *     (ipvsadm allows 1-65507)
 * @param group the multicast group, IPv4 or IPv6 ({@code IPVS_DAEMON_ATTR_MCAST_GROUP}/{@code _GROUP6}); must be a
 *     multicast address; empty for the kernel's default 224.0.0.81
 * @param port the UDP port ({@code IPVS_DAEMON_ATTR_MCAST_PORT}), 0-65535, 0 for the kernel's default 8848
 * @param ttl the multicast TTL ({@code IPVS_DAEMON_ATTR_MCAST_TTL}), 0-255, 0 for the kernel's default 1
 */
public record SyncDaemon(
    SyncState state,
    String interfaceName,
    int syncId,
    int maxLength,
    Optional<InetAddress> group,
    int port,
    int ttl) {

  /** Checks every argument. */
  public SyncDaemon {
    Checks.notNull("syncDaemon.state", state);
    Checks.name("syncDaemon.interfaceName", interfaceName, 15);
    Checks.check(
        interfaceName.indexOf('/') < 0 && interfaceName.indexOf(':') < 0,
        "syncDaemon.interfaceName",
        Checks.quote(interfaceName),
        "an interface name without '/' or ':'");
    Checks.range("syncDaemon.syncId", syncId, 0, 255);
    Checks.range("syncDaemon.maxLength", maxLength, 0, 65535);
    Checks.notNull("syncDaemon.group", group);
    if (group.isPresent()) {
      InetAddress g = InetAddresses.normalize("syncDaemon.group", group.get());
      if (!g.isMulticastAddress()) {
        throw Checks.invalid("syncDaemon.group", InetAddresses.format(g), "a multicast address");
      }
      group = Optional.of(g);
    }
    Checks.range("syncDaemon.port", port, 0, 65535);
    Checks.range("syncDaemon.ttl", ttl, 0, 255);
  }

  /** A master daemon on {@code interfaceName} with {@code syncId} and the kernel's defaults otherwise. */
  public static SyncDaemon master(String interfaceName, int syncId) {
    return new SyncDaemon(SyncState.MASTER, interfaceName, syncId, 0, Optional.empty(), 0, 0);
  }

  /** A backup daemon on {@code interfaceName} with {@code syncId} and the kernel's defaults otherwise. */
  public static SyncDaemon backup(String interfaceName, int syncId) {
    return new SyncDaemon(SyncState.BACKUP, interfaceName, syncId, 0, Optional.empty(), 0, 0);
  }

  /** A builder with the fields of this daemon. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder for a daemon in {@code state} on {@code interfaceName}, sync ID 0 and the kernel's defaults. */
  public static Builder builder(SyncState state, String interfaceName) {
    return new Builder(new SyncDaemon(state, interfaceName, 0, 0, Optional.empty(), 0, 0));
  }

  /** Like {@code ipvsadm -L --daemon}: {@code "master sync daemon (mcast=eth0, syncid=1, ...)"}. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(state.label())
            .append(" sync daemon (mcast=")
            .append(interfaceName)
            .append(", syncid=")
            .append(syncId);
    if (maxLength != 0) {
      sb.append(", maxlen=").append(maxLength);
    }
    group.ifPresent(g -> sb.append(", group=").append(InetAddresses.format(g)));
    if (port != 0) {
      sb.append(", port=").append(port);
    }
    if (ttl != 0) {
      sb.append(", ttl=").append(ttl);
    }
    return sb.append(')').toString();
  }

  /** A builder of {@link SyncDaemon}s; {@link #build()} checks every field. Not thread-safe; reusable. */
  public static final class Builder {
    private SyncState state;
    private String interfaceName;
    private int syncId;
    private int maxLength;
    private Optional<InetAddress> group;
    private int port;
    private int ttl;

    Builder(SyncDaemon d) {
      state = d.state;
      interfaceName = d.interfaceName;
      syncId = d.syncId;
      maxLength = d.maxLength;
      group = d.group;
      port = d.port;
      ttl = d.ttl;
    }

    /** Sets the state. */
    public Builder state(SyncState state) {
      this.state = Checks.notNull("syncDaemon.state", state);
      return this;
    }

    /** Sets the interface. */
    public Builder interfaceName(String interfaceName) {
      this.interfaceName = Checks.name("syncDaemon.interfaceName", interfaceName, 15);
      return this;
    }

    /** Sets the sync ID, 0-255. */
    public Builder syncId(int syncId) {
      this.syncId = Checks.range("syncDaemon.syncId", syncId, 0, 255);
      return this;
    }

    /** Sets the largest UDP payload, 0 for the default. */
    public Builder maxLength(int maxLength) {
      this.maxLength = Checks.range("syncDaemon.maxLength", maxLength, 0, 65535);
      return this;
    }

    /** Sets the multicast group. */
    public Builder group(InetAddress group) {
      this.group = Optional.of(InetAddresses.normalize("syncDaemon.group", group));
      return this;
    }

    /** Sets the multicast group from a literal such as {@code "224.0.0.81"} or {@code "ff02::81"}. */
    public Builder group(String group) {
      return group(InetAddresses.parse("syncDaemon.group", group));
    }

    /** Sets the multicast group, empty for the default. */
    public Builder group(Optional<InetAddress> group) {
      this.group = Checks.notNull("syncDaemon.group", group);
      return this;
    }

    /** Sets the UDP port, 0 for the default. */
    public Builder port(int port) {
      this.port = Checks.range("syncDaemon.port", port, 0, 65535);
      return this;
    }

    /** Sets the TTL, 0 for the default. */
    public Builder ttl(int ttl) {
      this.ttl = Checks.range("syncDaemon.ttl", ttl, 0, 255);
      return this;
    }

    /** The daemon configuration. */
    public SyncDaemon build() {
      return new SyncDaemon(state, interfaceName, syncId, maxLength, group, port, ttl);
    }
  }
}
