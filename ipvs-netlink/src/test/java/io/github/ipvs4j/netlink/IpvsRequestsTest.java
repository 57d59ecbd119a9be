package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.ConfigCodec;
import io.github.ipvs4j.netlink.ipvs.DaemonCodec;
import io.github.ipvs4j.netlink.ipvs.DestinationCodec;
import io.github.ipvs4j.netlink.ipvs.IpvsReplies;
import io.github.ipvs4j.netlink.ipvs.IpvsRequests;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.Cmd;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;
import io.github.ipvs4j.netlink.ipvs.ServiceCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link IpvsRequests#forCommand} writes each command's nests in place, without a body per nest: its bytes must be
 * those of the general path ({@link NetlinkRequest#genl} with {@link AttributeEncoder#nested}), and the
 * specifications it carries must decode back to the commands' values.
 */
class IpvsRequestsTest {
  private static final int FAMILY = 0x1234;
  private static final IpvsRequests REQUESTS = new IpvsRequests(FAMILY);

  @Property(tries = 60)
  void everyCommandWritesTheBytesOfTheGeneralPath(@ForAll long seed) {
    TableGenerator generator = new TableGenerator(seed);
    for (ServiceConfig config : generator.services(8, 4)) {
      ServiceKey key = config.service().key();
      List<IpvsCommand> commands = new ArrayList<>();
      commands.add(new IpvsCommand.AddService(config.service()));
      commands.add(new IpvsCommand.EditService(config.service()));
      commands.add(new IpvsCommand.DeleteService(key));
      commands.add(IpvsCommand.Zero.of(key));
      for (Destination d : config.destinations()) {
        commands.add(new IpvsCommand.AddDestination(key, d));
        commands.add(new IpvsCommand.EditDestination(key, d));
        commands.add(IpvsCommand.DeleteDestination.of(key, d));
      }
      for (IpvsCommand c : commands) {
        assertThat(hex(REQUESTS.forCommand(c), 77)).as("%s", c).isEqualTo(hex(general(c), 77));
      }
    }
  }

  @Test
  void commandsWithoutServicesWriteTheBytesOfTheGeneralPath() {
    SyncDaemon daemon = SyncDaemon.builder(SyncState.BACKUP, "vip0").syncId(7).build();
    List<IpvsCommand> commands =
        List.of(
            new IpvsCommand.Flush(),
            IpvsCommand.Zero.all(),
            new IpvsCommand.SetTimeouts(Timeouts.ofSeconds(900, 120, 300)),
            new IpvsCommand.StartDaemon(daemon),
            new IpvsCommand.StopDaemon(SyncState.BACKUP));
    for (IpvsCommand c : commands) {
      assertThat(hex(REQUESTS.forCommand(c), 5)).as("%s", c).isEqualTo(hex(general(c), 5));
    }
    // and the general path is not trivially equal: a flush is the bare genlmsghdr of IPVS_CMD_FLUSH
    assertThat(hex(REQUESTS.forCommand(new IpvsCommand.Flush()), 5))
        .isEqualTo("14000000" + "3412" + "0500" + "05000000" + "00000000" + "11010000");
  }

  @Property(tries = 60)
  void specificationsDecodeBackToTheCommandsValues(@ForAll long seed) {
    for (ServiceConfig config : new TableGenerator(seed).services(6, 4)) {
      NetlinkMessage service = written(new IpvsCommand.AddService(config.service()));
      assertThat(service.genlHeader().cmd()).isEqualTo(Cmd.NEW_SERVICE);
      assertThat(IpvsReplies.serviceSpec(service)).isEqualTo(config.service());
      for (Destination d : config.destinations()) {
        NetlinkMessage dest = written(new IpvsCommand.EditDestination(config.service().key(), d));
        assertThat(dest.genlHeader().cmd()).isEqualTo(Cmd.SET_DEST);
        assertThat(IpvsReplies.destinationSpec(dest, config.service().family())).isEqualTo(d);
      }
    }
  }

  /** What {@link IpvsRequests#forCommand} is to write, through the general path: a body per nest. */
  private static NetlinkRequest general(IpvsCommand command) {
    if (command instanceof IpvsCommand.AddService c) {
      return genl(Cmd.NEW_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeSpec(c.service(), n)));
    } else if (command instanceof IpvsCommand.EditService c) {
      return genl(Cmd.SET_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeSpec(c.service(), n)));
    } else if (command instanceof IpvsCommand.DeleteService c) {
      return genl(Cmd.DEL_SERVICE, e -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.key(), n)));
    } else if (command instanceof IpvsCommand.AddDestination c) {
      return genl(Cmd.NEW_DEST, e -> {
        e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
        e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeSpec(c.destination(), n));
      });
    } else if (command instanceof IpvsCommand.EditDestination c) {
      return genl(Cmd.SET_DEST, e -> {
        e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
        e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeSpec(c.destination(), n));
      });
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      return genl(Cmd.DEL_DEST, e -> {
        e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(c.service(), n));
        e.nested(CmdAttr.DEST, n -> DestinationCodec.encodeId(c.address(), c.port(), n));
      });
    } else if (command instanceof IpvsCommand.Flush) {
      return genl(Cmd.FLUSH, e -> { });
    } else if (command instanceof IpvsCommand.Zero c) {
      return genl(Cmd.ZERO,
          e -> c.service().ifPresent(k -> e.nested(CmdAttr.SERVICE, n -> ServiceCodec.encodeKey(k, n))));
    } else if (command instanceof IpvsCommand.SetTimeouts c) {
      return genl(Cmd.SET_CONFIG, e -> ConfigCodec.encode(c.timeouts(), e));
    } else if (command instanceof IpvsCommand.StartDaemon c) {
      return genl(Cmd.NEW_DAEMON, e -> e.nested(CmdAttr.DAEMON, n -> DaemonCodec.encodeSpec(c.daemon(), n)));
    } else if (command instanceof IpvsCommand.StopDaemon c) {
      return genl(Cmd.DEL_DAEMON, e -> e.nested(CmdAttr.DAEMON, n -> DaemonCodec.encodeStop(c.state(), n)));
    }
    throw new AssertionError("no general form for " + command);
  }

  private static NetlinkRequest genl(int cmd, Consumer<AttributeEncoder> body) {
    return NetlinkRequest.genl(FAMILY, cmd, 1, body);
  }

  /** The request as sent with NLM_F_REQUEST | NLM_F_ACK (5) and {@code seq}, after a 3-byte offset in the buffer. */
  private static String hex(NetlinkRequest request, int seq) {
    ByteBuf out = Unpooled.buffer();
    out.writeBytes(new byte[] {9, 9, 9}); // requests are written after others: nothing may assume offset 0
    request.writeTo(out, 5, seq, 0);
    return ByteBufUtil.hexDump(out, 3, out.readableBytes() - 3);
  }

  private static NetlinkMessage written(IpvsCommand command) {
    ByteBuf out = Unpooled.buffer();
    REQUESTS.forCommand(command).writeTo(out, 5, 1, 0);
    List<NetlinkMessage> messages = NetlinkMessages.decodeAll(out);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
