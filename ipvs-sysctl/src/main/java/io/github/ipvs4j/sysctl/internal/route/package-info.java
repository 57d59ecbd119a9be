/**
 * Internal: rtnetlink messages (links, addresses, routes) as bytes, for VIP aliases. Pure codec: no sockets.
 *
 * <pre>
 * nlmsghdr (16) | ifaddrmsg (8): family prefixlen flags scope index | nlattr: IFA_LOCAL, IFA_ADDRESS, IFA_LABEL, ...
 * nlmsghdr (16) | ifinfomsg (16): family pad type index flags change | nlattr: IFLA_IFNAME, IFLA_LINKINFO{KIND}, ...
 * </pre>
 *
 * <p>Belongs in {@code io.github.ipvs4j.netlink.route} (module ipvs-netlink) and should move there.
 */
package io.github.ipvs4j.sysctl.internal.route;
