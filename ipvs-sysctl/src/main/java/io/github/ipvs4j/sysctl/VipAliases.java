package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.DumpInterruptedException;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.PermissionDeniedException;
import io.github.ipvs4j.netlink.codec.DumpMemo;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.ReceivedMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.transport.BatchOutcome;
import io.github.ipvs4j.netlink.transport.NetlinkConnection;
import io.github.ipvs4j.netlink.transport.NetlinkDumpInterruptedException;
import io.github.ipvs4j.netlink.transport.NetlinkErrorException;
import io.github.ipvs4j.netlink.transport.NetlinkException;
import io.github.ipvs4j.netlink.transport.NetlinkOptions;
import io.github.ipvs4j.netlink.transport.NetworkNamespace;
import io.github.ipvs4j.sysctl.internal.route.IfAddrMessage;
import io.github.ipvs4j.sysctl.internal.route.IfInfoMessage;
import io.github.ipvs4j.sysctl.internal.route.Rtnl;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VIP aliases over rtnetlink: lists, adds and removes host addresses on {@code lo}, dummy or ordinary interfaces,
 * creates dummy and {@code ipip} interfaces, brings them up. No {@code ip} or {@code ifconfig} process is run.
 *
 * <pre>{@code
 * try (VipAliases aliases = VipAliases.open(NetNamespace.named("rs1"))) {
 *   List<Vip> vips = new ArrayList<>();
 *   for (int i = 1; i <= 200; i++) {
 *     vips.add(Vip.of("198.51.100." + i, "lo").withLabel("lo:" + i));
 *   }
 *   aliases.ensureVips(vips);   // one dump, then 200 RTM_NEWADDR in a few datagrams; returns the 200 added
 *   aliases.ensureVips(vips);   // one dump, nothing sent; returns []
 *   aliases.ensureLink("tunl0", "ipip");   // false when ipip is loaded (the kernel made tunl0 in every namespace)
 *   aliases.setLinkUp("tunl0", true);
 * }
 * }</pre>
 *
 * <p><b>Diffs.</b> Every change starts with one dump ({@code RTM_GETLINK}, {@code RTM_GETADDR}) and sends only what
 * differs, in one {@linkplain NetlinkConnection#batch batch}. An address that appears between the dump and the request
 * ({@code EEXIST}), or disappears ({@code EADDRNOTAVAIL}), counts as done. A dump the kernel marks interrupted
 * (the table changed while it was read, {@code NLM_F_DUMP_INTR}) is read again, up to 10 times in all, then reported
 * as {@link io.github.ipvs4j.DumpInterruptedException} (retryable).
 *
 * <p><b>Lists.</b> The connection keeps its last address dump (up to 4 MiB of messages): an address whose message
 * comes back byte for byte the same, at the same place, is not decoded again; the list holds the same
 * {@link InterfaceAddress} as before (they are immutable). So reading an unchanged table, as every diff does first,
 * costs little more than the kernel's dump.
 *
 * <p><b>Kernel behaviour.</b> An IPv4 address without a label gets its device's name as label. IPv6 VIPs are added with
 * {@code IFA_F_NODAD}, so they are usable at once (no "tentative" state). Adding a /32 adds the local route itself,
 * so no {@code route add -host} is needed for a VIP to be accepted.
 *
 * <p><b>Thread-safety.</b> Safe for many threads (the connection serialises exchanges); the diff of one call is not
 * atomic against other writers. {@link #close()} closes the socket.
 */
public final class VipAliases implements NetDevices, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VipAliases.class);
  /** {@code EEXIST}. */
  private static final int EEXIST = 17;
  /** {@code ENODEV}. */
  private static final int ENODEV = 19;
  /** {@code EADDRNOTAVAIL}. */
  private static final int EADDRNOTAVAIL = 99;
  /** {@code EOPNOTSUPP}. */
  private static final int EOPNOTSUPP = 95;
  /** {@code EPERM}. */
  private static final int EPERM = 1;

  /**
   * How many bytes of the last address dump are kept to recognise unchanged addresses: about 50,000 addresses (IPv4
   * ones take 72-76 bytes, IPv6 ones 64-72); on a host with more, the rest are decoded every time.
   */
  private static final int ADDRESS_MEMO_BYTES = 4 << 20;

  private final NetlinkConnection connection;
  private final NetNamespace namespace;
  // The addresses of the last list by their messages' bytes: listing an unchanged table (as every diff does first)
  // then decodes and allocates nothing for them. Links are not kept: their statistics change all the time.
  private final DumpMemo<InterfaceAddress> addressMemo = new DumpMemo<>(ADDRESS_MEMO_BYTES);
  private final DumpMemo<Link> linkMemo = new DumpMemo<>(0);

  private VipAliases(NetlinkConnection connection, NetNamespace namespace) {
    this.connection = connection;
    this.namespace = namespace;
  }

  /**
   * Opens an rtnetlink socket in {@code namespace} (a short-lived thread enters it; the caller's never moves).
   *
   * @throws NetDeviceException if the socket cannot be opened (no such namespace, no privilege)
   */
  public static VipAliases open(NetNamespace namespace) {
    Objects.requireNonNull(namespace, "namespace");
    NetlinkOptions options = NetlinkOptions.defaults();
    if (namespace.path().isPresent()) {
      options = options.withNetworkNamespace(NetworkNamespace.of(namespace.path().get()));
    }
    try {
      return new VipAliases(NetlinkConnection.open(Netlink.NETLINK_ROUTE, options), namespace);
    } catch (NetlinkException e) {
      throw wrap("open rtnetlink socket in " + namespace, e, List.of());
    }
  }

  /** Opens an rtnetlink socket in the caller's own namespace. */
  public static VipAliases open() {
    return open(NetNamespace.current());
  }

  /** The namespace this works in. */
  public NetNamespace namespace() {
    return namespace;
  }

  @Override
  public List<Link> links() {
    return dump(Rtnl.RTM_GETLINK, out -> out.writeZero(Rtnl.IFINFOMSG_SIZE), "list links", linkMemo, namespace, m -> {
      if (m.type() != Rtnl.RTM_NEWLINK) {
        return null;
      }
      IfInfoMessage i = IfInfoMessage.decode(m);
      return new Link(i.index(), i.name().orElseGet(() -> unnamed(i.index())), i.kind(), i.isUp());
    });
  }

  @Override
  public List<InterfaceAddress> addresses() {
    return addresses(names());
  }

  private List<InterfaceAddress> addresses(Map<Integer, String> byIndex) {
    DeviceNames names = new DeviceNames(byIndex);
    // made once per list, not once per address
    IfAddrMessage.Fields<InterfaceAddress> toAddress = (family, prefix, flags, scope, index, raw, local, label) -> {
      InetAddress address = IfAddrMessage.key(family, raw, local);
      if (address == null) {
        return null;
      }
      String device = names.apply(index);
      if (device == null) { // not in the link dump (gone in between)
        device = unnamed(index);
      }
      return new InterfaceAddress(device, index, address, prefix, names.label(label), flags);
    };
    // the values hold the devices' names, so the memo's context is the names the link dump gave
    return dump(Rtnl.RTM_GETADDR, out -> out.writeZero(Rtnl.IFADDRMSG_SIZE), "list addresses", addressMemo, byIndex,
        m -> m.type() == Rtnl.RTM_NEWADDR ? IfAddrMessage.decode(m, names, toAddress) : null);
  }

  /**
   * Interface names by index while an address dump is decoded. The kernel lists addresses interface by interface,
   * so the last answer is nearly always the next one: one map look-up per interface instead of two per address, and
   * one {@code Optional} per label string (a label is usually its device's name, which the decoder hands back as the
   * same string).
   */
  private static final class DeviceNames implements IntFunction<String> {
    private final Map<Integer, String> byIndex;
    // Index 0 names no interface (the kernel numbers them from 1), so a fresh DeviceNames rightly answers null for it.
    private int lastIndex;
    private String lastName;
    private String lastLabel;
    private Optional<String> lastLabelOptional = Optional.empty();

    DeviceNames(Map<Integer, String> byIndex) {
      this.byIndex = byIndex;
    }

    @Override
    public String apply(int index) {
      if (index != lastIndex) {
        lastName = byIndex.get(index);
        lastIndex = index;
      }
      return lastName;
    }

    Optional<String> label(String label) {
      if (label != lastLabel) {
        lastLabel = label;
        lastLabelOptional = Optional.ofNullable(label);
      }
      return lastLabelOptional;
    }
  }

  /** The name of an interface the link dump gave none: {@code if<index>}, built only when needed. */
  private static String unnamed(int index) {
    return "if" + index;
  }

  private Map<Integer, String> names() {
    Map<Integer, String> names = new HashMap<>();
    for (Link l : links()) {
      names.put(l.index(), l.name());
    }
    return names;
  }

  @Override
  public List<Vip> ensureVips(Collection<Vip> vips) {
    List<Link> links = links();
    Map<String, Integer> index = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    links.forEach(l -> {
      index.put(l.name(), l.index());
      names.put(l.index(), l.name());
    });
    for (Vip v : vips) {
      if (!index.containsKey(v.device())) {
        throw new NoSuchInterfaceException(
            "add VIP " + v + ": no such interface '" + v.device() + "' in " + namespace, OptionalInt.of(ENODEV), null);
      }
    }
    Set<Vip> present = new HashSet<>();
    for (InterfaceAddress a : addresses(names)) {
      present.add(Vip.of(a.address(), a.device()));
    }
    Map<Vip, Vip> wanted = new LinkedHashMap<>();
    for (Vip v : vips) {
      if (!present.contains(v.unlabelled())) {
        wanted.putIfAbsent(v.unlabelled(), v);
      }
    }
    List<Vip> todo = new ArrayList<>(wanted.values());
    List<NetlinkRequest> requests = new ArrayList<>(todo.size());
    for (Vip v : todo) {
      IfAddrMessage m = message(v, index.get(v.device()), true);
      requests.add(NetlinkRequest.of(Rtnl.RTM_NEWADDR, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, m::writePayload));
    }
    return runBatch("add VIP", todo, requests, EEXIST);
  }

  @Override
  public List<Vip> removeVips(Collection<Vip> vips) {
    List<Link> links = links();
    Map<Integer, String> names = new HashMap<>();
    links.forEach(l -> names.put(l.index(), l.name()));
    Map<Vip, InterfaceAddress> present = new HashMap<>();
    for (InterfaceAddress a : addresses(names)) {
      if (a.prefixLength() == (a.address().getAddress().length == 4 ? 32 : 128)) {
        present.put(Vip.of(a.address(), a.device()), a);
      }
    }
    Map<Vip, InterfaceAddress> todo = new LinkedHashMap<>();
    for (Vip v : vips) {
      InterfaceAddress a = present.get(v.unlabelled());
      if (a != null) {
        todo.putIfAbsent(v.unlabelled(), a);
      }
    }
    List<Vip> listed = new ArrayList<>();
    List<NetlinkRequest> requests = new ArrayList<>();
    for (InterfaceAddress a : todo.values()) {
      Vip v = a.toVip();
      listed.add(v);
      IfAddrMessage m = message(v.unlabelled(), a.index(), false);
      requests.add(NetlinkRequest.of(Rtnl.RTM_DELADDR, 0, m::writePayload));
    }
    return runBatch("remove VIP", listed, requests, EADDRNOTAVAIL);
  }

  private List<Vip> runBatch(String what, List<Vip> vips, List<NetlinkRequest> requests, int harmless) {
    if (requests.isEmpty()) {
      return List.of();
    }
    List<BatchOutcome> outcomes;
    try {
      outcomes = connection.batch(requests);
    } catch (NetlinkException e) {
      // No outcomes: what was done is unknown; the caller re-lists to find out.
      throw wrap(what + " (" + requests.size() + " requests)", e, List.of());
    }
    List<Vip> done = new ArrayList<>();
    BatchOutcome firstFailure = null;
    int failures = 0;
    for (BatchOutcome o : outcomes) {
      if (o.isOk()) {
        done.add(vips.get(o.index()));
      } else if (o.errno() != harmless) {
        failures++;
        if (firstFailure == null) {
          firstFailure = o;
        }
      }
    }
    if (firstFailure != null) {
      Vip v = vips.get(firstFailure.index());
      NetlinkErrorException e = firstFailure.failure().orElseThrow();
      String message = what + " " + v + " in " + namespace + ": " + describe(e.errno().orElse(0))
          + (failures > 1 ? " (and " + (failures - 1) + " more failed)" : "") + "; " + done.size() + " done";
      throw new NetDeviceException(message + e.kernelMessage().map(k -> "; kernel: " + k).orElse(""),
          e.errno(), e.kernelMessage(), done, e);
    }
    log.debug("{}: {} {} of {}", namespace, what, done.size(), vips.size());
    return done;
  }

  private static IfAddrMessage message(Vip v, int index, boolean add) {
    byte[] raw = v.address().getAddress();
    if (v.isIpv6()) {
      return new IfAddrMessage(Rtnl.AF_INET6, 128, add ? Rtnl.IFA_F_NODAD : 0, Rtnl.RT_SCOPE_UNIVERSE, index, raw,
          null, Optional.empty());
    }
    return new IfAddrMessage(Rtnl.AF_INET, 32, 0, Rtnl.RT_SCOPE_UNIVERSE, index, raw, raw,
        add ? v.label() : Optional.empty());
  }

  @Override
  public boolean ensureLink(String name, String kind) {
    InterfaceNames.requireValid(name);
    Objects.requireNonNull(kind, "kind");
    if (link(name).isPresent()) {
      return false;
    }
    IfInfoMessage m = new IfInfoMessage(Rtnl.AF_UNSPEC, 0, 0, 0, 0, Optional.of(name), Optional.of(kind));
    try {
      connection.request(
          NetlinkRequest.of(Rtnl.RTM_NEWLINK, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, m::writePayload));
    } catch (NetlinkErrorException e) {
      if (e.errno().orElse(0) == EEXIST) {
        // Loading the link kind's module can create it (ipip makes tunl0 in every namespace).
        log.debug("{}: {} appeared while it was being created", namespace, name);
        return false;
      }
      if (e.errno().orElse(0) == EOPNOTSUPP) {
        throw new NetDeviceException(
            "create " + kind + " interface " + name + " in " + namespace + ": the kernel does not offer link kind '"
                + kind + "' (EOPNOTSUPP; is its module available?)",
            e.errno(), e.kernelMessage(), List.of(), e);
      }
      throw wrap("create " + kind + " interface " + name, e, List.of());
    } catch (NetlinkException e) {
      throw wrap("create " + kind + " interface " + name, e, List.of());
    }
    log.debug("{}: created {} interface {}", namespace, kind, name);
    return true;
  }

  @Override
  public void deleteLink(String name) {
    Link l = require(name);
    IfInfoMessage m = new IfInfoMessage(Rtnl.AF_UNSPEC, 0, l.index(), 0, 0, Optional.empty(), Optional.empty());
    try {
      connection.request(NetlinkRequest.of(Rtnl.RTM_DELLINK, 0, m::writePayload));
    } catch (NetlinkException e) {
      throw wrap("delete interface " + name, e, List.of());
    }
    log.debug("{}: deleted interface {}", namespace, name);
  }

  @Override
  public boolean setLinkUp(String name, boolean up) {
    Link l = require(name);
    if (l.up() == up) {
      return false;
    }
    IfInfoMessage m =
        new IfInfoMessage(Rtnl.AF_UNSPEC, 0, l.index(), up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP, Optional.empty(),
            Optional.empty());
    try {
      connection.request(NetlinkRequest.of(Rtnl.RTM_NEWLINK, 0, m::writePayload));
    } catch (NetlinkException e) {
      throw wrap("set interface " + name + (up ? " up" : " down"), e, List.of());
    }
    log.debug("{}: interface {} {}", namespace, name, up ? "up" : "down");
    return true;
  }

  private Link require(String name) {
    return link(name).orElseThrow(() -> new NoSuchInterfaceException(
        "no such interface '" + name + "' in " + namespace, OptionalInt.of(ENODEV), null));
  }

  /**
   * Runs a dump and decodes each part in place, in the receive buffer: {@code decode} returns the value a part gives,
   * or null for a part to skip; a part {@code memo} holds from the last run in the same {@code context} is not decoded
   * again. Read again, from the start, while the kernel marks it interrupted.
   */
  private <T> List<T> dump(
      int type, NetlinkRequest.PayloadWriter payload, String what, DumpMemo<T> memo, Object context,
      Function<ReceivedMessage, T> decode) {
    NetlinkRequest request = NetlinkRequest.of(type, 0, payload);
    try {
      return retryInterrupted(DUMP_ATTEMPTS, () -> {
        try (DumpMemo.Run<T> run = memo.start(context)) {
          List<T> out = new ArrayList<>(run.lastCount()); // sized as the last time: no growing copies
          connection.dumpInPlace(request, m -> {
            T value = run.value(m, decode);
            if (value != null) {
              out.add(value);
            }
          });
          run.finish();
          return out;
        }
      });
    } catch (NetlinkException e) {
      throw wrap(what, e, List.of());
    }
  }

  /**
   * How many times a link or address dump is read before an interruption is reported. The kernel marks a dump
   * {@code NLM_F_DUMP_INTR} when the table changed between its parts, which happens without anyone else's help right
   * after adding IPv6 addresses (duplicate address detection changes their flags), so one retry is common.
   */
  static final int DUMP_ATTEMPTS = 10;

  /** A dump to run, perhaps again. */
  @FunctionalInterface
  interface Dump<T> {
    T run() throws NetlinkException;
  }

  /** Runs {@code dump}, again while it ends interrupted, {@code attempts} times at most; the last interruption is thrown. */
  static <T> T retryInterrupted(int attempts, Dump<T> dump) throws NetlinkException {
    for (int attempt = 1; ; attempt++) {
      try {
        return dump.run();
      } catch (NetlinkDumpInterruptedException e) {
        if (attempt >= attempts) {
          throw e;
        }
        log.debug("dump interrupted by a change (attempt {} of {}); reading it again", attempt, attempts);
      }
    }
  }

  private static String describe(int errno) {
    return switch (errno) {
      case EEXIST -> "already exists (EEXIST)";
      case ENODEV -> "no such device (ENODEV)";
      case EADDRNOTAVAIL -> "no such address (EADDRNOTAVAIL)";
      case EOPNOTSUPP -> "not supported (EOPNOTSUPP)";
      case EPERM -> "operation not permitted (EPERM; CAP_NET_ADMIN is needed)";
      case 22 -> "invalid argument (EINVAL)";
      default -> "errno " + errno;
    };
  }

  private static IpvsException wrap(String what, NetlinkException e, List<Vip> changed) {
    int errno = e.errno().orElse(0);
    Optional<String> km =
        e instanceof NetlinkErrorException nee ? nee.kernelMessage() : Optional.empty();
    String message = what + ": " + e.getMessage();
    if (e instanceof NetlinkDumpInterruptedException) {
      return new DumpInterruptedException(
          IpvsOperation.NONE, message + " (" + DUMP_ATTEMPTS + " attempts)", OptionalInt.empty(), Optional.empty(), e);
    }
    if (errno == EPERM) {
      return new PermissionDeniedException(IpvsOperation.NONE, message, e.errno(), km, e);
    }
    if (errno == ENODEV) {
      return new NoSuchInterfaceException(message, e.errno(), e);
    }
    return new NetDeviceException(message, e.errno(), km, changed, e);
  }

  /** Closes the socket. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "VipAliases[" + namespace + "]";
  }
}
