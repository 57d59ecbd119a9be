package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.Cmd;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;

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

  /** The request that performs {@code command}. */
  public NetlinkRequest forCommand(IpvsCommand command) {
    if (command instanceof IpvsCommand.AddService c) {
      return genl(Cmd.NEW_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeSpec(c.service(), n)));
    } else if (command instanceof IpvsCommand.EditService c) {
      return genl(Cmd.SET_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeSpec(c.service(), n)));
    } else if (command instanceof IpvsCommand.DeleteService c) {
      return genl(Cmd.DEL_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.key(), n)));
    } else if (command instanceof IpvsCommand.AddDestination c) {
      return genl(
          Cmd.NEW_DEST,
          e -> {
            e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
            e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeSpec(c.destination(), n));
          });
    } else if (command instanceof IpvsCommand.EditDestination c) {
      return genl(
          Cmd.SET_DEST,
          e -> {
            e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
            e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeSpec(c.destination(), n));
          });
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      return genl(
          Cmd.DEL_DEST,
          e -> {
            e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
            e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeId(c.address(), c.port(), n));
          });
    } else if (command instanceof IpvsCommand.Flush) {
      return genl(Cmd.FLUSH, e -> { });
    } else if (command instanceof IpvsCommand.Zero c) {
      return genl(
          Cmd.ZERO,
          e -> c.service().ifPresent(k -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(k, n))));
    } else if (command instanceof IpvsCommand.SetTimeouts c) {
      return genl(Cmd.SET_CONFIG, e -> ConfigCodec.encode(c.timeouts(), e));
    } else if (command instanceof IpvsCommand.StartDaemon c) {
      return genl(Cmd.NEW_DAEMON, e -> e.nested(CmdAttr.DAEMON, n -> DaemonCodec.encodeSpec(c.daemon(), n)));
    } else if (command instanceof IpvsCommand.StopDaemon c) {
      return genl(Cmd.DEL_DAEMON, e -> e.nested(CmdAttr.DAEMON, n -> DaemonCodec.encodeStop(c.state(), n)));
    }
    throw new IllegalArgumentException("command: " + command + " (unknown IpvsCommand)");
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
