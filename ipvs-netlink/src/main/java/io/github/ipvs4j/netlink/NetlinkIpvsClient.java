package io.github.ipvs4j.netlink;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.DumpInterruptedException;
import io.github.ipvs4j.Errno;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.IpvsTimeoutException;
import io.github.ipvs4j.IpvsUnavailableException;
import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.NoSuchServiceException;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.MessageView;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.IpvsReplies;
import io.github.ipvs4j.netlink.ipvs.IpvsRequests;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi;
import io.github.ipvs4j.netlink.transport.BatchOutcome;
import io.github.ipvs4j.netlink.transport.BatchOutcomes;
import io.github.ipvs4j.netlink.transport.GenericNetlink;
import io.github.ipvs4j.netlink.transport.NetlinkConnection;
import io.github.ipvs4j.netlink.transport.NetlinkDumpInterruptedException;
import io.github.ipvs4j.netlink.transport.NetlinkErrorException;
import io.github.ipvs4j.netlink.transport.NetlinkException;
import io.github.ipvs4j.netlink.transport.NetlinkOptions;
import io.github.ipvs4j.netlink.transport.NetlinkTimeoutException;
import io.github.ipvs4j.netlink.transport.NetworkNamespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link IpvsClient} that talks to the kernel's {@code IPVS} generic-netlink family over one netlink socket: no
 * process is spawned and no module is loaded.
 *
 * <pre>{@code
 * try (IpvsClient ipvs = NetlinkIpvsClient.open()) {                      // the caller's network namespace
 *   ipvs.createService(VirtualService.of(ServiceKey.tcp("192.0.2.10", 80), Scheduler.RR));
 * }
 * try (IpvsClient ipvs = NetlinkIpvsClient.open(IpvsOptions.defaults().withNetworkNamespace("blue"))) {
 *   ipvs.services();                                                      // the services of netns "blue"
 * }
 * }</pre>
 *
 * <p><b>Opening</b> creates the socket (inside the network namespace of the options, if any, from a short-lived
 * helper thread: no caller's thread ever changes namespace), and resolves the {@code IPVS} family once. If the kernel
 * has no such family (the {@code ip_vs} module is not loaded), {@link #open} throws {@link IpvsUnavailableException}.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads. Each primitive call is one exchange on the one socket
 * (serialised, so replies never mix); {@link #execute(List)} sends a whole batch as one exchange, many requests per
 * {@code sendmsg} within a window sized to the receive buffer, and reports every command's own outcome.
 *
 * <p><b>Reads.</b> {@link #services()} is one dump. The kernel has no dump of all destinations: {@link
 * #destinations(ServiceKey)} is one GET_DEST dump per service, and only when it comes back empty is the service
 * looked up, to tell "no destinations" from "no such service". {@link #snapshot()} reads the same dumps but decodes
 * only what a table keeps: no counters, no status records.
 *
 * <p><b>Errors</b> are mapped by (operation, errno) with {@link IpvsException#forErrno}, keeping the kernel's
 * extended-ack message; timeouts become {@link IpvsTimeoutException}, undecodable replies {@link
 * MalformedMessageException}. After {@link #close()}, every method but {@code close} throws {@link IpvsException}.
 *
 * @since 0.1.0
 */
public final class NetlinkIpvsClient implements IpvsClient {
  private static final Logger log = LoggerFactory.getLogger(NetlinkIpvsClient.class);

  private final NetlinkConnection connection;
  private final IpvsRequests requests;
  private final String namespace;
  private volatile boolean closed;

  private NetlinkIpvsClient(NetlinkConnection connection, IpvsRequests requests, String namespace) {
    this.connection = connection;
    this.requests = requests;
    this.namespace = namespace;
  }

  /** Opens a client in the caller's network namespace with {@link IpvsOptions#defaults()}. */
  public static NetlinkIpvsClient open() {
    return open(IpvsOptions.defaults());
  }

  /**
   * Opens a client with {@code options}: in the network namespace they name (by name or path), with their request
   * timeout and receive buffer size.
   *
   * @throws IpvsUnavailableException if the kernel has no {@code IPVS} generic-netlink family
   * @throws io.github.ipvs4j.PermissionDeniedException if entering the namespace or opening the socket is not
   *     permitted
   * @throws IpvsException if the namespace does not exist or the socket cannot be opened
   */
  public static NetlinkIpvsClient open(IpvsOptions options) {
    if (options == null) {
      throw new InvalidValueException("options", "null", "IpvsOptions");
    }
    NetlinkOptions netlink = NetlinkOptions.defaults().withTimeout(options.requestTimeout());
    if (options.receiveBufferSize() != 0) {
      netlink = netlink.withReceiveBufferSize(Math.max(NetlinkOptions.MIN_BUFFER_SIZE, options.receiveBufferSize()));
    }
    String where = options.networkNamespace().map(p -> "network namespace " + p).orElse("the caller's network namespace");
    if (options.networkNamespace().isPresent()) {
      netlink = netlink.withNetworkNamespace(NetworkNamespace.of(options.networkNamespace().get()));
    }
    NetlinkConnection connection;
    try {
      connection = NetlinkConnection.open(Netlink.NETLINK_GENERIC, netlink);
    } catch (NetlinkException e) {
      throw openFailure(where, e);
    }
    try {
      Optional<GenlFamily> family = GenericNetlink.resolveFamily(connection, IpvsUapi.GENL_NAME);
      if (family.isEmpty()) {
        throw new IpvsUnavailableException(
            IpvsOperation.OPEN,
            "IPVS is not available in "
                + where
                + ": the kernel has no \"IPVS\" generic-netlink family (the ip_vs module is not loaded or IPVS is not"
                + " built in; ipvs4j never loads modules: load it with 'modprobe ip_vs' as root)",
            OptionalInt.of(Errno.ENOENT),
            Optional.empty(),
            null);
      }
      log.debug("opened IPVS client in {}: family id {}, version {}", where, family.get().id(), family.get().version());
      return new NetlinkIpvsClient(connection, new IpvsRequests(family.get().id()), where);
    } catch (NetlinkException e) {
      connection.close();
      throw openFailure(where, e);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static IpvsException openFailure(String where, NetlinkException e) {
    int errno = e.errno().orElse(0);
    if (errno == Errno.EPERM || errno == Errno.EACCES) {
      return IpvsException.forErrno(IpvsOperation.OPEN, where, errno, null);
    }
    return new IpvsException(
        IpvsOperation.OPEN,
        "open " + where + ": " + e.getMessage(),
        errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno),
        Optional.empty(),
        e);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Primitives

  @Override
  public List<ServiceStatus> services() {
    List<ServiceStatus> out = new ArrayList<>();
    dump(IpvsOperation.GET_SERVICES, "", requests.getServices(), m -> out.add(IpvsReplies.service(m)));
    return List.copyOf(out);
  }

  @Override
  public Optional<ServiceStatus> findService(ServiceKey key) {
    notNull("key", key);
    try {
      for (NetlinkMessage m : request(IpvsOperation.GET_SERVICE, key.toString(), requests.getService(key))) {
        return Optional.of(IpvsReplies.service(m));
      }
      throw new MalformedMessageException(
          IpvsOperation.GET_SERVICE, "get service " + key + ": the kernel acknowledged without a reply", null);
    } catch (NoSuchServiceException absent) {
      return Optional.empty();
    }
  }

  @Override
  public List<DestinationStatus> destinations(ServiceKey key) {
    notNull("key", key);
    List<DestinationStatus> out = destinationsOf(key, IpvsReplies::destination);
    if (out == null) {
      throw IpvsException.forErrno(IpvsOperation.GET_DESTS, key.toString(), Errno.ESRCH, null);
    }
    return List.copyOf(out);
  }

  /**
   * The destinations of the service with {@code key}, each part of its GET_DEST dump decoded by {@code decode} (with
   * the service's family); null if there is no such service. The kernel's dump of a missing service is merely empty,
   * so only an empty one is followed by a look-up.
   */
  private <T> List<T> destinationsOf(ServiceKey key, BiFunction<MessageView, AddressFamily, T> decode) {
    AddressFamily family = key.family();
    List<T> out = new ArrayList<>();
    dump(IpvsOperation.GET_DESTS, key, requests.getDestinations(key), m -> out.add(decode.apply(m, family)));
    return out.isEmpty() && findService(key).isEmpty() ? null : out;
  }

  /**
   * The same table as {@link IpvsClient#snapshot()}, from the same dumps (one of services, one of destinations per
   * service), decoded straight into specifications: the statistics nests are stepped over and no status record is
   * built, since a table has no counters. A service deleted between the dumps is left out, as there.
   */
  @Override
  public IpvsTable snapshot() {
    List<VirtualService> services = new ArrayList<>();
    dump(IpvsOperation.GET_SERVICES, "", requests.getServices(), m -> services.add(IpvsReplies.serviceSpec(m)));
    List<ServiceConfig> configs = new ArrayList<>(services.size());
    for (VirtualService service : services) {
      ServiceConfig config = configOf(service);
      if (config != null) {
        configs.add(config);
      }
    }
    return new IpvsTable(configs, Optional.of(timeouts()), syncDaemons());
  }

  /**
   * {@code service} with the destinations of its GET_DEST dump, or null if it was deleted meanwhile (an empty dump
   * and no such service). A method of its own, called once per service: the JIT compiles it early, and small.
   */
  private ServiceConfig configOf(VirtualService service) {
    List<Destination> destinations = destinationsOf(service.key(), IpvsReplies::destinationSpec);
    return destinations == null ? null : new ServiceConfig(service, destinations);
  }

  @Override
  public Timeouts timeouts() {
    return IpvsReplies.timeouts(single(IpvsOperation.GET_CONFIG, requests.getConfig()));
  }

  @Override
  public List<SyncDaemon> syncDaemons() {
    List<SyncDaemon> out = new ArrayList<>();
    dump(IpvsOperation.GET_DAEMON, "", requests.getDaemons(), m -> out.add(IpvsReplies.daemon(m)));
    out.sort(Comparator.comparingInt(d -> d.state().code()));
    return List.copyOf(out);
  }

  @Override
  public IpvsInfo info() {
    return IpvsReplies.info(single(IpvsOperation.GET_INFO, requests.getInfo()));
  }

  @Override
  public BatchResult execute(List<? extends IpvsCommand> commands) {
    notNull("commands", commands);
    List<IpvsCommand> all = new ArrayList<>(commands); // the caller's list may change once this returns
    List<NetlinkRequest> batch = new ArrayList<>(all.size());
    for (IpvsCommand c : all) {
      if (c == null) {
        throw new InvalidValueException("commands[" + batch.size() + "]", "null", "a value");
      }
      batch.add(requests.forCommand(c));
    }
    checkOpen();
    BatchOutcomes outcomes;
    try {
      outcomes = connection.batch(batch);
    } catch (NetlinkException e) {
      IpvsCommand first = all.isEmpty() ? null : all.get(0);
      throw map(
          first == null ? IpvsOperation.NONE : first.operation(), "(batch of " + all.size() + " commands)", e);
    } catch (IllegalStateException e) {
      throw closedException(e);
    }
    return BatchResult.of(all, i -> outcomes.isOk(i) ? null : failure(all.get(i), outcomes.get(i)));
  }

  private static IpvsException failure(IpvsCommand command, BatchOutcome outcome) {
    return IpvsException.forErrno(
        command.operation(), command.subject(), outcome.errno(), outcome.kernelMessage().orElse(null));
  }

  /** Closes the socket. Idempotent; never throws. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      connection.close();
      log.debug("closed IPVS client in {}", namespace);
    }
  }

  @Override
  public String toString() {
    return "NetlinkIpvsClient{" + namespace + ", IPVS family " + requests.familyId() + (closed ? ", closed}" : "}");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Internals, package-private for tests.

  /** The request builders of this client's family. */
  IpvsRequests requests() {
    return requests;
  }

  /** Sends {@code request} (with NLM_F_ACK) and returns its replies; errors are mapped for {@code operation}. */
  List<NetlinkMessage> request(IpvsOperation operation, String subject, NetlinkRequest request) {
    checkOpen();
    try {
      return connection.request(request);
    } catch (NetlinkException e) {
      throw map(operation, subject, e);
    } catch (IllegalStateException e) {
      throw closedException(e);
    }
  }

  /**
   * Runs a dump; each part goes to {@code sink} in place, valid only during the call (its exceptions propagate after
   * the dump is drained). {@code subject} names what was dumped in an error; its text is made only then (a snapshot
   * dumps once per service).
   */
  void dump(IpvsOperation operation, Object subject, NetlinkRequest request, Consumer<MessageView> sink) {
    checkOpen();
    try {
      connection.dumpInPlace(request, sink); // the sinks decode each part at once: no copies needed
    } catch (NetlinkException e) {
      throw map(operation, subject.toString(), e);
    } catch (IllegalStateException e) {
      throw closedException(e);
    }
  }

  private NetlinkMessage single(IpvsOperation operation, NetlinkRequest request) {
    List<NetlinkMessage> replies = request(operation, "", request);
    if (replies.isEmpty()) {
      throw new MalformedMessageException(
          operation, operation.description() + ": the kernel acknowledged without a reply", null);
    }
    return replies.get(0);
  }

  /** Maps a transport failure to the API's exceptions. */
  static IpvsException map(IpvsOperation operation, String subject, NetlinkException e) {
    String what = operation.description() + (subject == null || subject.isEmpty() ? "" : " " + subject);
    if (e instanceof NetlinkErrorException ne) {
      return IpvsException.forErrno(operation, subject, ne.error().errno(), ne.kernelMessage().orElse(null));
    }
    if (e instanceof NetlinkTimeoutException) {
      return new IpvsTimeoutException(operation, what + ": " + e.getMessage(), OptionalInt.empty(), Optional.empty(), e);
    }
    if (e instanceof NetlinkDumpInterruptedException) {
      return new DumpInterruptedException(operation, what + ": " + e.getMessage(), OptionalInt.empty(), Optional.empty(), e);
    }
    int errno = e.errno().orElse(0);
    if (errno == Errno.EPERM || errno == Errno.EACCES) {
      return IpvsException.forErrno(operation, subject, errno, null);
    }
    return new IpvsException(
        operation,
        what + ": " + e.getMessage(),
        errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno),
        Optional.empty(),
        e);
  }

  private void checkOpen() {
    if (closed) {
      throw closedException(null);
    }
  }

  private IpvsException closedException(Throwable cause) {
    return new IpvsException("IPVS client is closed: " + this, cause);
  }

  private static void notNull(String field, Object value) {
    if (value == null) {
      throw new InvalidValueException(field, "null", "a value");
    }
  }
}
