/**
 * LVS around IPVS, from Java: typed sysctls, VIP aliases and role recipes that apply and revert exactly (issue #6).
 *
 * <ul>
 *   <li>{@link io.github.ipvs4j.sysctl.Sysctl}: get, set and {@code ensure} (write only if different, returning what
 *       changed) over {@code /proc/sys} ({@link io.github.ipvs4j.sysctl.ProcSysctl}, in any network namespace) or
 *       memory ({@link io.github.ipvs4j.sysctl.FakeSysctl}); the LVS keys typed in
 *       {@link io.github.ipvs4j.sysctl.LvsSysctls}.
 *   <li>{@link io.github.ipvs4j.sysctl.VipAliases}: VIPs (/32, /128) with labels, dummy and {@code ipip} interfaces,
 *       over rtnetlink; diff-based and batched.
 *   <li>{@link io.github.ipvs4j.sysctl.LvsRecipe}: the NAT/DR/TUN director and real-server set-ups, with
 *       {@code check}, {@code apply} (returning an {@link io.github.ipvs4j.sysctl.AppliedRecipe} handle) and
 *       {@code revert}.
 * </ul>
 *
 * <pre>{@code
 * try (LvsHost host = LvsHost.open(NetNamespace.current())) {
 *   AppliedRecipe handle = LvsRecipe.drRealServer(List.of(Vip.literal("192.0.2.10"))).apply(host);
 *   // ... serve ...
 *   LvsRecipe.revert(host, handle);
 * }
 * }</pre>
 *
 * <p>Nothing here runs a process, loads a module or touches a sysctl or address it was not asked to. Every exception
 * is an {@link io.github.ipvs4j.IpvsException}.
 */
package io.github.ipvs4j.sysctl;
