package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generic-netlink family as nlctrl describes it in its {@code CTRL_CMD_NEWFAMILY} reply to
 * {@code CTRL_CMD_GETFAMILY}.
 *
 * @param id {@code CTRL_ATTR_FAMILY_ID}: the message type to address the family with (IPVS: dynamic)
 * @param name {@code CTRL_ATTR_FAMILY_NAME}
 * @param version {@code CTRL_ATTR_VERSION}
 * @param headerSize {@code CTRL_ATTR_HDRSIZE}: the family's own header after genlmsghdr (IPVS: 0)
 * @param maxAttribute {@code CTRL_ATTR_MAXATTR}
 * @param operations {@code CTRL_ATTR_OPS}: the commands the kernel supports
 * @param multicastGroups {@code CTRL_ATTR_MCAST_GROUPS}
 */
public record GenlFamily(
    int id,
    String name,
    int version,
    int headerSize,
    int maxAttribute,
    List<Operation> operations,
    List<MulticastGroup> multicastGroups) {

  /**
   * One supported command.
   *
   * @param id {@code CTRL_ATTR_OP_ID}
   * @param flags {@code CTRL_ATTR_OP_FLAGS}: {@code GENL_ADMIN_PERM}, {@code GENL_CMD_CAP_DO}...
   */
  public record Operation(int id, int flags) {}

  /**
   * One multicast group.
   *
   * @param name {@code CTRL_ATTR_MCAST_GRP_NAME}
   * @param id {@code CTRL_ATTR_MCAST_GRP_ID}
   */
  public record MulticastGroup(String name, int id) {
    /** Checks for null. */
    public MulticastGroup {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Freezes the lists. */
  public GenlFamily {
    Objects.requireNonNull(name, "name");
    operations = List.copyOf(operations);
    multicastGroups = List.copyOf(multicastGroups);
  }

  /** The operation with command number {@code cmd}, if the kernel supports it. */
  public Optional<Operation> operation(int cmd) {
    return operations.stream().filter(o -> o.id() == cmd).findFirst();
  }

  /**
   * The nlctrl request that looks a family up by name: {@code CTRL_CMD_GETFAMILY} with {@code CTRL_ATTR_FAMILY_NAME}.
   * For {@code "nlctrl"} with seq 1 and pid 0 and {@code NLM_F_REQUEST} the message is 32 bytes:
   *
   * <pre>
   * 20 00 00 00  10 00  01 00  01 00 00 00  00 00 00 00   nlmsghdr: len 32, type 16 (GENL_ID_CTRL), REQUEST, seq 1
   * 03 01 00 00                                           genlmsghdr: CTRL_CMD_GETFAMILY, version 1
   * 0b 00 02 00  6e 6c 63 74 72 6c 00  00                 nlattr: len 11, CTRL_ATTR_FAMILY_NAME, "nlctrl\0", pad
   * </pre>
   */
  public static NetlinkRequest request(String name) {
    Objects.requireNonNull(name, "name");
    return NetlinkRequest.genl(
        GenlCtrl.GENL_ID_CTRL,
        GenlCtrl.CTRL_CMD_GETFAMILY,
        GenlCtrl.VERSION,
        a -> a.string(GenlCtrl.CTRL_ATTR_FAMILY_NAME, name));
  }

  /**
   * Decodes nlctrl's reply. Unknown attributes are skipped.
   *
   * @throws MalformedMessageException if the message is malformed or lacks the family id or name
   */
  public static GenlFamily decode(ReceivedMessage msg) {
    msg.genlHeader();
    AttributeDecoder d = msg.genlAttributes().names("CTRL_CMD_NEWFAMILY", GenlCtrl::attrName);
    int id = -1;
    String name = null;
    int version = 0;
    int hdrSize = 0;
    int maxAttr = 0;
    List<Operation> ops = new ArrayList<>();
    List<MulticastGroup> groups = new ArrayList<>();
    while (d.next()) {
      switch (d.type()) {
        case GenlCtrl.CTRL_ATTR_FAMILY_ID -> id = d.u16();
        case GenlCtrl.CTRL_ATTR_FAMILY_NAME -> name = d.string();
        case GenlCtrl.CTRL_ATTR_VERSION -> version = d.u32();
        case GenlCtrl.CTRL_ATTR_HDRSIZE -> hdrSize = d.u32();
        case GenlCtrl.CTRL_ATTR_MAXATTR -> maxAttr = d.u32();
        case GenlCtrl.CTRL_ATTR_OPS ->
          d.nested(array -> {
            while (array.next()) {
              int[] op = {0, 0};
              array.nested(
                  t -> t == GenlCtrl.CTRL_ATTR_OP_ID ? "CTRL_ATTR_OP_ID"
                      : t == GenlCtrl.CTRL_ATTR_OP_FLAGS ? "CTRL_ATTR_OP_FLAGS" : null,
                  o -> {
                    while (o.next()) {
                      if (o.type() == GenlCtrl.CTRL_ATTR_OP_ID) {
                        op[0] = o.u32();
                      } else if (o.type() == GenlCtrl.CTRL_ATTR_OP_FLAGS) {
                        op[1] = o.u32();
                      }
                    }
                  });
              ops.add(new Operation(op[0], op[1]));
            }
          });
        case GenlCtrl.CTRL_ATTR_MCAST_GROUPS ->
          d.nested(array -> {
            while (array.next()) {
              String[] gname = {""};
              int[] gid = {0};
              array.nested(
                  t -> t == GenlCtrl.CTRL_ATTR_MCAST_GRP_NAME ? "CTRL_ATTR_MCAST_GRP_NAME"
                      : t == GenlCtrl.CTRL_ATTR_MCAST_GRP_ID ? "CTRL_ATTR_MCAST_GRP_ID" : null,
                  g -> {
                    while (g.next()) {
                      if (g.type() == GenlCtrl.CTRL_ATTR_MCAST_GRP_NAME) {
                        gname[0] = g.string();
                      } else if (g.type() == GenlCtrl.CTRL_ATTR_MCAST_GRP_ID) {
                        gid[0] = g.u32();
                      }
                    }
                  });
              groups.add(new MulticastGroup(gname[0], gid[0]));
            }
          });
        default -> {} // unknown attributes: skipped
      }
    }
    d.finish();
    if (id < 0) {
      throw new MalformedMessageException("CTRL_CMD_NEWFAMILY: no CTRL_ATTR_FAMILY_ID");
    }
    if (name == null) {
      throw new MalformedMessageException("CTRL_CMD_NEWFAMILY: no CTRL_ATTR_FAMILY_NAME");
    }
    return new GenlFamily(id, name, version, hdrSize, maxAttr, ops, groups);
  }
}
