/**
 * Internal: the jnr-ffi binding to the C library used by {@link io.github.ipvs4j.netlink.transport}. Not API; it may
 * change or vanish in any release.
 *
 * <p>Why it is exported anyway: jnr-ffi generates the implementation of {@link
 * io.github.ipvs4j.netlink.transport.internal.ffi.LibC} at run time and defines it in an unnamed module, so the
 * interface's package must be exported unqualified (an {@code exports ... to} cannot name an unnamed module).
 * Without it, loading fails with {@code IllegalAccessError: superinterface check failed}.
 */
package io.github.ipvs4j.netlink.transport.internal.ffi;
