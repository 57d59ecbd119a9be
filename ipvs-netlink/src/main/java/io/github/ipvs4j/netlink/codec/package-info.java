/**
 * Netlink bytes, without sockets: headers, attributes, message framing and error decoding over netty
 * {@link io.netty.buffer.ByteBuf}s. Pure Java, no native code; it runs on any OS. Low-level API: used by the IPVS
 * layer and by {@code ipvs-sysctl} (rtnetlink); most applications want {@code IpvsClient} instead.
 *
 * <p>A generic-netlink message, all integers in host order unless an attribute says otherwise:
 *
 * <pre>
 *  0               4       6       8               12              16
 *  +---------------+-------+-------+---------------+---------------+
 *  | nlmsg_len     | type  | flags | nlmsg_seq     | nlmsg_pid     |  struct nlmsghdr   (NlMsgHdr)
 *  +-------+-------+-------+-------+---------------+---------------+
 *  | cmd   |version| reserved      |                                  struct genlmsghdr (GenlMsgHdr)
 *  +-------+-------+---------------+-------------------------------+
 *  | nla_len       | nla_type      | payload ... | pad to 4        |  struct nlattr     (AttributeEncoder/Decoder)
 *  +---------------+---------------+-------------------------------+
 *  | nla_len       | nla_type      | nested nlattr | nlattr ...    |  a nest (IPVS: NLA_F_NESTED not set)
 *  +---------------+---------------+-------------------------------+
 *  |&lt;------------------------ nlmsg_len -------------------------&gt;|
 *
 *  nla_type bits:  15: NLA_F_NESTED   14: NLA_F_NET_BYTEORDER   13..0: type (NLA_TYPE_MASK)
 * </pre>
 *
 * <p>Byte order: headers and most attributes are <em>native</em> order ({@link io.github.ipvs4j.netlink.codec.NativeOrder});
 * ports and other {@code __be16}/{@code __be32} values are network order.
 *
 * <p>Buffers (netty's rule: whoever holds the last reference releases): every method here works on a buffer the
 * caller owns, and none keeps or releases it after returning. {@link io.github.ipvs4j.netlink.codec.NetlinkMessage}
 * holds a private heap copy and needs no release; a {@link io.github.ipvs4j.netlink.codec.MessageView} reads the
 * caller's buffer in place and is valid only inside the callback that got it. Decoding failures of any kind raise only
 * {@link io.github.ipvs4j.MalformedMessageException}.
 */
package io.github.ipvs4j.netlink.codec;
