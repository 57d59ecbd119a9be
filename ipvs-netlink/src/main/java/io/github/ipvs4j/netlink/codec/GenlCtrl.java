package io.github.ipvs4j.netlink.codec;

/**
 * Constants of the generic-netlink controller family {@code nlctrl}, mirrored from
 * {@code include/uapi/linux/genetlink.h} with the C name beside each.
 *
 * <p>nlctrl maps family names such as {@code "IPVS"} to the dynamic message type (family id) used to talk to them.
 */
public final class GenlCtrl {
  private GenlCtrl() {}

  /** {@code GENL_ID_CTRL NLMSG_MIN_TYPE}: nlctrl's own, fixed family id, 0x10. */
  public static final int GENL_ID_CTRL = Netlink.NLMSG_MIN_TYPE;
  /** nlctrl's family name. */
  public static final String FAMILY_NAME = "nlctrl";
  /** Version nlctrl requests are sent with (the kernel ignores it; iproute2 sends 1). */
  public static final int VERSION = 1;
  /** {@code GENL_NAMSIZ 16}: family-name buffer size, including the NUL. */
  public static final int GENL_NAMSIZ = 16;

  // enum { CTRL_CMD_* }
  /** {@code CTRL_CMD_UNSPEC 0}. */
  public static final int CTRL_CMD_UNSPEC = 0;
  /** {@code CTRL_CMD_NEWFAMILY 1}: reply command of GETFAMILY. */
  public static final int CTRL_CMD_NEWFAMILY = 1;
  /** {@code CTRL_CMD_DELFAMILY 2}. */
  public static final int CTRL_CMD_DELFAMILY = 2;
  /** {@code CTRL_CMD_GETFAMILY 3}: look a family up by name or id (doit) or list all (dump). */
  public static final int CTRL_CMD_GETFAMILY = 3;
  /** {@code CTRL_CMD_NEWOPS 4}. */
  public static final int CTRL_CMD_NEWOPS = 4;
  /** {@code CTRL_CMD_DELOPS 5}. */
  public static final int CTRL_CMD_DELOPS = 5;
  /** {@code CTRL_CMD_GETOPS 6}. */
  public static final int CTRL_CMD_GETOPS = 6;
  /** {@code CTRL_CMD_NEWMCAST_GRP 7}. */
  public static final int CTRL_CMD_NEWMCAST_GRP = 7;
  /** {@code CTRL_CMD_DELMCAST_GRP 8}. */
  public static final int CTRL_CMD_DELMCAST_GRP = 8;
  /** {@code CTRL_CMD_GETMCAST_GRP 9}. */
  public static final int CTRL_CMD_GETMCAST_GRP = 9;
  /** {@code CTRL_CMD_GETPOLICY 10}. */
  public static final int CTRL_CMD_GETPOLICY = 10;

  // enum { CTRL_ATTR_* }
  /** {@code CTRL_ATTR_UNSPEC 0}. */
  public static final int CTRL_ATTR_UNSPEC = 0;
  /** {@code CTRL_ATTR_FAMILY_ID 1}: u16. */
  public static final int CTRL_ATTR_FAMILY_ID = 1;
  /** {@code CTRL_ATTR_FAMILY_NAME 2}: NUL-terminated string. */
  public static final int CTRL_ATTR_FAMILY_NAME = 2;
  /** {@code CTRL_ATTR_VERSION 3}: u32. */
  public static final int CTRL_ATTR_VERSION = 3;
  /** {@code CTRL_ATTR_HDRSIZE 4}: u32, size of the family's own header after genlmsghdr. */
  public static final int CTRL_ATTR_HDRSIZE = 4;
  /** {@code CTRL_ATTR_MAXATTR 5}: u32. */
  public static final int CTRL_ATTR_MAXATTR = 5;
  /** {@code CTRL_ATTR_OPS 6}: nested array of nested {@code CTRL_ATTR_OP_*}. */
  public static final int CTRL_ATTR_OPS = 6;
  /** {@code CTRL_ATTR_MCAST_GROUPS 7}: nested array of nested {@code CTRL_ATTR_MCAST_GRP_*}. */
  public static final int CTRL_ATTR_MCAST_GROUPS = 7;
  /** {@code CTRL_ATTR_POLICY 8}. */
  public static final int CTRL_ATTR_POLICY = 8;
  /** {@code CTRL_ATTR_OP_POLICY 9}. */
  public static final int CTRL_ATTR_OP_POLICY = 9;
  /** {@code CTRL_ATTR_OP 10}. */
  public static final int CTRL_ATTR_OP = 10;

  // enum { CTRL_ATTR_OP_* }
  /** {@code CTRL_ATTR_OP_UNSPEC 0}. */
  public static final int CTRL_ATTR_OP_UNSPEC = 0;
  /** {@code CTRL_ATTR_OP_ID 1}: u32 command number. */
  public static final int CTRL_ATTR_OP_ID = 1;
  /** {@code CTRL_ATTR_OP_FLAGS 2}: u32 {@code GENL_*} flags. */
  public static final int CTRL_ATTR_OP_FLAGS = 2;

  // enum { CTRL_ATTR_MCAST_GRP_* }
  /** {@code CTRL_ATTR_MCAST_GRP_UNSPEC 0}. */
  public static final int CTRL_ATTR_MCAST_GRP_UNSPEC = 0;
  /** {@code CTRL_ATTR_MCAST_GRP_NAME 1}: string. */
  public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
  /** {@code CTRL_ATTR_MCAST_GRP_ID 2}: u32. */
  public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

  // Operation flags (CTRL_ATTR_OP_FLAGS)
  /** {@code GENL_ADMIN_PERM 0x01}: needs CAP_NET_ADMIN. */
  public static final int GENL_ADMIN_PERM = 0x01;
  /** {@code GENL_CMD_CAP_DO 0x02}: has a doit handler. */
  public static final int GENL_CMD_CAP_DO = 0x02;
  /** {@code GENL_CMD_CAP_DUMP 0x04}: has a dumpit handler. */
  public static final int GENL_CMD_CAP_DUMP = 0x04;
  /** {@code GENL_CMD_CAP_HASPOL 0x08}: has an attribute policy. */
  public static final int GENL_CMD_CAP_HASPOL = 0x08;
  /** {@code GENL_UNS_ADMIN_PERM 0x10}: needs CAP_NET_ADMIN in the netns' user namespace. */
  public static final int GENL_UNS_ADMIN_PERM = 0x10;

  /** Names a top-level {@code CTRL_ATTR_*} type for error messages. */
  public static String attrName(int type) {
    return switch (type) {
      case CTRL_ATTR_FAMILY_ID -> "CTRL_ATTR_FAMILY_ID";
      case CTRL_ATTR_FAMILY_NAME -> "CTRL_ATTR_FAMILY_NAME";
      case CTRL_ATTR_VERSION -> "CTRL_ATTR_VERSION";
      case CTRL_ATTR_HDRSIZE -> "CTRL_ATTR_HDRSIZE";
      case CTRL_ATTR_MAXATTR -> "CTRL_ATTR_MAXATTR";
      case CTRL_ATTR_OPS -> "CTRL_ATTR_OPS";
      case CTRL_ATTR_MCAST_GROUPS -> "CTRL_ATTR_MCAST_GROUPS";
      case CTRL_ATTR_POLICY -> "CTRL_ATTR_POLICY";
      case CTRL_ATTR_OP_POLICY -> "CTRL_ATTR_OP_POLICY";
      case CTRL_ATTR_OP -> "CTRL_ATTR_OP";
      default -> "CTRL_ATTR_" + type;
    };
  }
}
