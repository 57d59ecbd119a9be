package io.github.ipvs4j.netlink.codec;

/**
 * Netlink constants and alignment helpers mirrored from {@code include/uapi/linux/netlink.h}, with the C name beside
 * each.
 *
 * <p>Only what ipvs4j uses or must recognise is mirrored; values are the kernel's and never change.
 */
public final class Netlink {
  private Netlink() {}

  // ---- Protocols: socket(AF_NETLINK, SOCK_RAW, protocol) ----

  /** {@code NETLINK_ROUTE 0}: routing and link updates (rtnetlink). */
  public static final int NETLINK_ROUTE = 0;
  /** {@code NETLINK_GENERIC 16}: generic netlink; IPVS is a generic-netlink family. */
  public static final int NETLINK_GENERIC = 16;

  // ---- struct nlmsghdr: nlmsg_flags ----

  /** {@code NLM_F_REQUEST 0x01}: it is a request message. */
  public static final int NLM_F_REQUEST = 0x01;
  /** {@code NLM_F_MULTI 0x02}: multipart message, terminated by {@code NLMSG_DONE}. */
  public static final int NLM_F_MULTI = 0x02;
  /** {@code NLM_F_ACK 0x04}: reply with an acknowledgment (an {@code NLMSG_ERROR} with error 0) on success. */
  public static final int NLM_F_ACK = 0x04;
  /** {@code NLM_F_ECHO 0x08}: echo this request. */
  public static final int NLM_F_ECHO = 0x08;
  /** {@code NLM_F_DUMP_INTR 0x10}: the dump was inconsistent because the data changed during it. */
  public static final int NLM_F_DUMP_INTR = 0x10;
  /** {@code NLM_F_DUMP_FILTERED 0x20}: the dump was filtered as requested. */
  public static final int NLM_F_DUMP_FILTERED = 0x20;

  /** {@code NLM_F_ROOT 0x100}: GET modifier, return the complete table instead of a single entry. */
  public static final int NLM_F_ROOT = 0x100;
  /** {@code NLM_F_MATCH 0x200}: GET modifier, return all entries matching the criteria. */
  public static final int NLM_F_MATCH = 0x200;
  /** {@code NLM_F_ATOMIC 0x400}: GET modifier, return an atomic snapshot of the table. */
  public static final int NLM_F_ATOMIC = 0x400;
  /** {@code NLM_F_DUMP (NLM_F_ROOT|NLM_F_MATCH)}: dump a whole table as a multipart reply. */
  public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

  /** {@code NLM_F_REPLACE 0x100}: NEW modifier, replace an existing object. */
  public static final int NLM_F_REPLACE = 0x100;
  /** {@code NLM_F_EXCL 0x200}: NEW modifier, do not touch an object that already exists. */
  public static final int NLM_F_EXCL = 0x200;
  /** {@code NLM_F_CREATE 0x400}: NEW modifier, create the object if it does not exist. */
  public static final int NLM_F_CREATE = 0x400;
  /** {@code NLM_F_APPEND 0x800}: NEW modifier, add to the end of the list. */
  public static final int NLM_F_APPEND = 0x800;

  /** {@code NLM_F_CAPPED 0x100}: ACK flag, the original request in the error message was cut to its header. */
  public static final int NLM_F_CAPPED = 0x100;
  /** {@code NLM_F_ACK_TLVS 0x200}: ACK flag, extended-ack TLVs follow the error message. */
  public static final int NLM_F_ACK_TLVS = 0x200;

  // ---- Reserved message types ----

  /** {@code NLMSG_NOOP 0x1}: nothing; ignored. */
  public static final int NLMSG_NOOP = 0x1;
  /** {@code NLMSG_ERROR 0x2}: an error or, with error 0, an acknowledgment. Payload: {@code struct nlmsgerr}. */
  public static final int NLMSG_ERROR = 0x2;
  /** {@code NLMSG_DONE 0x3}: end of a multipart message. Payload: {@code int error} (+ TLVs). */
  public static final int NLMSG_DONE = 0x3;
  /** {@code NLMSG_OVERRUN 0x4}: data lost. */
  public static final int NLMSG_OVERRUN = 0x4;
  /** {@code NLMSG_MIN_TYPE 0x10}: types below this are reserved control messages. */
  public static final int NLMSG_MIN_TYPE = 0x10;

  // ---- enum nlmsgerr_attrs: extended-ack TLVs ----

  /** {@code NLMSGERR_ATTR_UNUSED 0}. */
  public static final int NLMSGERR_ATTR_UNUSED = 0;
  /** {@code NLMSGERR_ATTR_MSG 1}: error message string (NUL-terminated). */
  public static final int NLMSGERR_ATTR_MSG = 1;
  /** {@code NLMSGERR_ATTR_OFFS 2}: u32, offset of the invalid attribute in the original message. */
  public static final int NLMSGERR_ATTR_OFFS = 2;
  /** {@code NLMSGERR_ATTR_COOKIE 3}: binary cookie, on success too. */
  public static final int NLMSGERR_ATTR_COOKIE = 3;
  /** {@code NLMSGERR_ATTR_POLICY 4}: nested policy of the rejected attribute. */
  public static final int NLMSGERR_ATTR_POLICY = 4;
  /** {@code NLMSGERR_ATTR_MISS_TYPE 5}: u32, type of a missing required attribute. */
  public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
  /** {@code NLMSGERR_ATTR_MISS_NEST 6}: u32, offset of the nest where an attribute is missing. */
  public static final int NLMSGERR_ATTR_MISS_NEST = 6;

  // ---- Socket options at SOL_NETLINK ----

  /** {@code SOL_NETLINK 270}: the setsockopt level of the options below. */
  public static final int SOL_NETLINK = 270;
  /** {@code NETLINK_CAP_ACK 10}: cap error acks to the original header (sets {@link #NLM_F_CAPPED}). */
  public static final int NETLINK_CAP_ACK = 10;
  /** {@code NETLINK_EXT_ACK 11}: extended acks with TLVs (sets {@link #NLM_F_ACK_TLVS}). */
  public static final int NETLINK_EXT_ACK = 11;

  // ---- struct nlattr ----

  /** {@code NLA_F_NESTED (1 << 15)}: the payload is a nest of attributes. IPVS neither sets nor requires it. */
  public static final int NLA_F_NESTED = 1 << 15;
  /** {@code NLA_F_NET_BYTEORDER (1 << 14)}: the payload is in network byte order. */
  public static final int NLA_F_NET_BYTEORDER = 1 << 14;
  /** {@code NLA_TYPE_MASK ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER)}, as a 16-bit mask. */
  public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xFFFF;

  // ---- Alignment: #define NLMSG_ALIGNTO 4U, NLA_ALIGNTO 4 ----

  /** {@code NLMSG_ALIGNTO 4U}. */
  public static final int NLMSG_ALIGNTO = 4;
  /** {@code NLA_ALIGNTO 4}. */
  public static final int NLA_ALIGNTO = 4;

  /**
   * {@code #define NLMSG_ALIGN(len) (((len)+NLMSG_ALIGNTO-1) & ~(NLMSG_ALIGNTO-1))}: rounds a message length up to
   * a multiple of 4. {@code nlmsgAlign(0) == 0}, {@code nlmsgAlign(17) == 20}, {@code nlmsgAlign(20) == 20}.
   */
  public static int nlmsgAlign(int len) {
    return (len + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
  }

  /** {@code #define NLMSG_HDRLEN ((int) NLMSG_ALIGN(sizeof(struct nlmsghdr)))}: 16. */
  public static final int NLMSG_HDRLEN = 16;

  /** {@code #define NLMSG_LENGTH(len) ((len) + NLMSG_HDRLEN)}: {@code nlmsgLength(4) == 20}. */
  public static int nlmsgLength(int payloadLen) {
    return payloadLen + NLMSG_HDRLEN;
  }

  /** {@code #define NLMSG_SPACE(len) NLMSG_ALIGN(NLMSG_LENGTH(len))}: {@code nlmsgSpace(5) == 24}. */
  public static int nlmsgSpace(int payloadLen) {
    return nlmsgAlign(nlmsgLength(payloadLen));
  }

  /**
   * {@code #define NLA_ALIGN(len) (((len) + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1))}: {@code nlaAlign(5) == 8},
   * {@code nlaAlign(11) == 12}.
   */
  public static int nlaAlign(int len) {
    return (len + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1);
  }

  /** {@code #define NLA_HDRLEN ((int) NLA_ALIGN(sizeof(struct nlattr)))}: 4. */
  public static final int NLA_HDRLEN = 4;

  /** {@code #define GENL_HDRLEN NLMSG_ALIGN(sizeof(struct genlmsghdr))}: 4. */
  public static final int GENL_HDRLEN = 4;

  /** {@code sizeof(struct nlmsgerr)}: {@code int error} + {@code struct nlmsghdr msg} = 20. */
  public static final int NLMSGERR_SIZE = 4 + NLMSG_HDRLEN;
}
