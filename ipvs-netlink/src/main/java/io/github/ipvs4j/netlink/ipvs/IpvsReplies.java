package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.ReceivedMessage;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.Cmd;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DaemonAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DestAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.SvcAttr;
import java.util.function.Function;

/**
 * Decodes whole IPVS reply messages (genlmsghdr, then top-level attributes) into the model. Every failure is a
 * {@link MalformedMessageException} whose message names the command and the attribute path, e.g. {@code
 * "IPVS_CMD_NEW_SERVICE > IPVS_CMD_ATTR_SERVICE > IPVS_SVC_ATTR_PORT: attribute 4 is not a be16; length 3"}. Stateless.
 */
public final class IpvsReplies {
  private IpvsReplies() {}

  /** A GET_SERVICE reply or dump part (cmd {@code NEW_SERVICE}). */
  public static ServiceStatus service(ReceivedMessage m) {
    return nested(m, CmdAttr.SERVICE, SvcAttr::name, ServiceCodec::decode);
  }

  /** A GET_DEST dump part (cmd {@code NEW_DEST}); {@code serviceFamily} applies when the reply has no ADDR_FAMILY. */
  public static DestinationStatus destination(ReceivedMessage m, AddressFamily serviceFamily) {
    return nested(m, CmdAttr.DEST, DestAttr::name, d -> DestinationCodec.decode(d, serviceFamily));
  }

  /** {@link #service} without the counters (the statistics nests are not decoded). */
  public static VirtualService serviceSpec(ReceivedMessage m) {
    return nested(m, CmdAttr.SERVICE, SvcAttr::name, ServiceCodec::decodeSpec);
  }

  /** {@link #destination} without the counters (the statistics nests are not decoded). */
  public static Destination destinationSpec(ReceivedMessage m, AddressFamily serviceFamily) {
    return nested(m, CmdAttr.DEST, DestAttr::name, d -> DestinationCodec.decodeSpec(d, serviceFamily));
  }

  /** A GET_DAEMON dump part (cmd {@code NEW_DAEMON}). */
  public static SyncDaemon daemon(ReceivedMessage m) {
    return nested(m, CmdAttr.DAEMON, DaemonAttr::name, DaemonCodec::decode);
  }

  /** The GET_CONFIG reply (cmd {@code SET_CONFIG}). */
  public static Timeouts timeouts(ReceivedMessage m) {
    AttributeDecoder d = top(m, CmdAttr::name);
    Timeouts t = ConfigCodec.decode(d);
    d.finish();
    return t;
  }

  /** The GET_INFO reply (cmd {@code SET_INFO}). */
  public static IpvsInfo info(ReceivedMessage m) {
    AttributeDecoder d = top(m, IpvsUapi.InfoAttr::name);
    IpvsInfo info = InfoCodec.decode(d);
    d.finish();
    return info;
  }

  private static AttributeDecoder top(ReceivedMessage m, java.util.function.IntFunction<String> names) {
    int cmd = m.genlHeader().cmd(); // throws MalformedMessageException when the payload is too short
    return m.genlAttributes().names(Cmd.name(cmd), names);
  }

  private static <T> T nested(
      ReceivedMessage m, int attr, java.util.function.IntFunction<String> names, Function<AttributeDecoder, T> codec) {
    AttributeDecoder d = top(m, CmdAttr::name);
    T out = null;
    boolean seen = false;
    while (d.next()) {
      if (d.type() == attr && !seen) {
        seen = true;
        out = d.nestedValue(names, codec);
      }
    }
    if (d.ok() && !seen) {
      d.fail("no " + CmdAttr.name(attr));
    }
    d.finish();
    if (out == null) {
      throw new MalformedMessageException(Cmd.name(m.genlHeader().cmd()) + ": " + CmdAttr.name(attr) + " did not decode");
    }
    return out;
  }
}
