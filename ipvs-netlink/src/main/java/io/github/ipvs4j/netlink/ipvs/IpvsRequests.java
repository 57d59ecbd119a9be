package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.GenlMsgHdr;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.Cmd;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Builds the generic-netlink request for each {@link IpvsCommand} and each read, for the {@code IPVS} family with id
 * {@code familyId}. The transport adds {@code NLM_F_REQUEST} with {@code NLM_F_ACK} or {@code NLM_F_DUMP}, the
 * sequence number and the port id. Immutable; the requests it returns keep only the model values they write.
 */
public final class IpvsRequests {
  private final int familyId;

  /** Requests for the IPVS family with id {@code familyId} (from {@code CTRL_CMD_GETFAMILY "IPVS"}). */
  public IpvsRequests(int familyId) {
    this.familyId = familyId;
  }

  /** The family id. */
  public int familyId() {
    return familyId;
  }

  /**
   * The request that performs {@code command}. It keeps only {@code command} and writes its attributes when sent, with
   * no lambda or nest body per command: a batch of 110,000 requests is built and written without allocating more than
   * the request objects themselves and the address bytes.
   */
  public NetlinkRequest forCommand(IpvsCommand command) {
    return NetlinkRequest.of(familyId, 0, new CommandPayload(command));
  }

  /** The genlmsghdr and attributes of one command. */
  private static final class CommandPayload implements NetlinkRequest.PayloadWriter {
    private final IpvsCommand command;

    CommandPayload(IpvsCommand command) {
      this.command = Objects.requireNonNull(command, "command");
    }

    @Override
    public void writePayload(ByteBuf out) {
      write(command, new AttributeEncoder(out));
    }
  }

  /** Writes the genlmsghdr of {@code command}'s IPVS_CMD_* and then its attributes, nests begun and ended in place. */
  private static void write(IpvsCommand command, AttributeEncoder e) {
    if (command instanceof IpvsCommand.AddService c) {
      int service = header(Cmd.NEW_SERVICE, CmdAttr.SERVICE, e);
      ServiceCodec.encodeSpec(c.service(), e);
      e.end(service);
    } else if (command instanceof IpvsCommand.EditService c) {
      int service = header(Cmd.SET_SERVICE, CmdAttr.SERVICE, e);
      ServiceCodec.encodeSpec(c.service(), e);
      e.end(service);
    } else if (command instanceof IpvsCommand.DeleteService c) {
      int service = header(Cmd.DEL_SERVICE, CmdAttr.SERVICE, e);
      ServiceCodec.encodeKey(c.key(), e);
      e.end(service);
    } else if (command instanceof IpvsCommand.AddDestination c) {
      int dest = destinationOf(Cmd.NEW_DEST, c.service(), e);
      DestinationCodec.encodeSpec(c.destination(), e);
      e.end(dest);
    } else if (command instanceof IpvsCommand.EditDestination c) {
      int dest = destinationOf(Cmd.SET_DEST, c.service(), e);
      DestinationCodec.encodeSpec(c.destination(), e);
      e.end(dest);
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      int dest = destinationOf(Cmd.DEL_DEST, c.service(), e);
      DestinationCodec.encodeId(c.address(), c.port(), e);
      e.end(dest);
    } else if (command instanceof IpvsCommand.Flush) {
      GenlMsgHdr.write(e.buffer(), Cmd.FLUSH, IpvsUapi.GENL_VERSION);
    } else if (command instanceof IpvsCommand.Zero c) {
      GenlMsgHdr.write(e.buffer(), Cmd.ZERO, IpvsUapi.GENL_VERSION);
      if (c.service().isPresent()) {
        int service = e.begin(CmdAttr.SERVICE);
        ServiceCodec.encodeKey(c.service().get(), e);
        e.end(service);
      }
    } else if (command instanceof IpvsCommand.SetTimeouts c) {
      GenlMsgHdr.write(e.buffer(), Cmd.SET_CONFIG, IpvsUapi.GENL_VERSION);
      ConfigCodec.encode(c.timeouts(), e);
    } else if (command instanceof IpvsCommand.StartDaemon c) {
      int daemon = header(Cmd.NEW_DAEMON, CmdAttr.DAEMON, e);
      DaemonCodec.encodeSpec(c.daemon(), e);
      e.end(daemon);
    } else if (command instanceof IpvsCommand.StopDaemon c) {
      int daemon = header(Cmd.DEL_DAEMON, CmdAttr.DAEMON, e);
      DaemonCodec.encodeStop(c.state(), e);
      e.end(daemon);
    } else {
      throw new IllegalArgumentException("command: " + command + " (unknown IpvsCommand)");
    }
  }

  /** Writes the genlmsghdr of {@code cmd} and begins the nest {@code nest}; returns where the nest starts. */
  private static int header(int cmd, int nest, AttributeEncoder e) {
    GenlMsgHdr.write(e.buffer(), cmd, IpvsUapi.GENL_VERSION);
    return e.begin(nest);
  }

  /**
   * Writes the genlmsghdr of a destination command, the service nest with {@code service}'s key, and begins the
   * destination nest; returns where that starts.
   */
  private static int destinationOf(int cmd, ServiceKey service, AttributeEncoder e) {
    int nest = header(cmd, CmdAttr.SERVICE, e);
    ServiceCodec.encodeKey(service, e);
    e.end(nest);
    return e.begin(CmdAttr.DEST);
  }

  /** GET_SERVICE for one service (doit). */
  public NetlinkRequest getService(ServiceKey key) {
    return genl(Cmd.GET_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(key, n)));
  }

  /** GET_SERVICE as a dump of every service (send with {@code NLM_F_DUMP}). */
  public NetlinkRequest getServices() {
    return genl(Cmd.GET_SERVICE, e -> { });
  }

  /** GET_DEST, a dump of the destinations of the service with {@code key}. */
  public NetlinkRequest getDestinations(ServiceKey key) {
    return genl(Cmd.GET_DEST, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(key, n)));
  }

  /** GET_DAEMON, a dump of the running sync daemons. */
  public NetlinkRequest getDaemons() {
    return genl(Cmd.GET_DAEMON, e -> { });
  }

  /** GET_CONFIG (doit): the timeouts. */
  public NetlinkRequest getConfig() {
    return genl(Cmd.GET_CONFIG, e -> { });
  }

  /** GET_INFO (doit): version and connection-table size. */
  public NetlinkRequest getInfo() {
    return genl(Cmd.GET_INFO, e -> { });
  }

  /** A request of {@code cmd} with the attributes {@code body} writes, for tests that send what the model refuses. */
  public NetlinkRequest genl(int cmd, java.util.function.Consumer<io.github.ipvs4j.netlink.codec.AttributeEncoder> body) {
    return NetlinkRequest.genl(familyId, cmd, IpvsUapi.GENL_VERSION, body);
  }
}
