/**
 * IPVS generic-netlink messages to and from the ipvs4j model: the constants of {@code include/uapi/linux/ip_vs.h}
 * ({@link io.github.ipvs4j.netlink.ipvs.IpvsUapi}), one stateless codec per message part (service, destination,
 * sync daemon, stats, timeouts, info) and the request builders for each {@link io.github.ipvs4j.IpvsCommand}.
 *
 * <p><b>Not API.</b> This package is deliberately <em>not</em> exported by the module: its classes are public only so
 * that {@link io.github.ipvs4j.netlink.NetlinkIpvsClient} (and tests) can use them, and may change in any release.
 * On the class path nothing stops their use; do not rely on them.
 *
 * <p>Byte orders, as the kernel has them: netlink headers and most integers are host order; ports
 * ({@code IPVS_SVC_ATTR_PORT}, {@code IPVS_DEST_ATTR_PORT}, {@code IPVS_DEST_ATTR_TUN_PORT}) are big-endian; the sync
 * daemon's {@code MCAST_PORT} is host order; {@code IPVS_SVC_ATTR_NETMASK} is a big-endian mask for IPv4 and a plain
 * host-order prefix length for IPv6; {@code IPVS_SVC_ATTR_FLAGS} is {@code struct ip_vs_flags {flags, mask}}; addresses
 * are raw network bytes, sent as the 16 bytes of {@code union nf_inet_addr}. Nests carry no {@code NLA_F_NESTED}.
 *
 * <p>Decoding never throws on a value it does not know: unknown attributes are skipped, unknown flag bits are kept
 * ({@link io.github.ipvs4j.VirtualService#otherFlags()}), unknown forwarding codes are kept. Bytes that cannot be a
 * kernel message raise {@link io.github.ipvs4j.MalformedMessageException} and nothing else.
 */
package io.github.ipvs4j.netlink.ipvs;
