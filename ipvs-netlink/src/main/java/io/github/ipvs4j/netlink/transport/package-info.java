/**
 * The netlink transport: sockets over jnr-ffi, sequence numbers, acks, dumps, batches, timeouts and network
 * namespaces. The only package of ipvs4j that imports {@code jnr.*}. Low-level API: used by the IPVS client and by
 * {@code ipvs-sysctl} (rtnetlink); applications want {@code IpvsClient}.
 *
 * <ul>
 *   <li>{@link io.github.ipvs4j.netlink.transport.NetlinkConnection}: requests, dumps and batches; thread-safe.
 *   <li>{@link io.github.ipvs4j.netlink.transport.NetlinkSocket}: the raw socket; one thread at a time.
 *   <li>{@link io.github.ipvs4j.netlink.transport.GenericNetlink}: family look-up through nlctrl.
 *   <li>{@link io.github.ipvs4j.netlink.transport.NetworkNamespace}: open sockets in another netns without moving a
 *       caller's thread.
 * </ul>
 *
 * <p>Failures are checked {@link io.github.ipvs4j.netlink.transport.NetlinkException}s carrying the errno; decode
 * failures are {@link io.github.ipvs4j.MalformedMessageException}. Buffers: connections own and release their own;
 * nothing returned needs releasing.
 */
package io.github.ipvs4j.netlink.transport;
