package io.github.ipvs4j.sysctl.internal.ffi;

/**
 * Internal: the three C library calls needed to enter a network namespace, bound by jnr-ffi. Not API.
 *
 * <p>The transport in {@code io.github.ipvs4j.netlink.transport} has the same binding but no way to run arbitrary
 * code in a namespace; this copy should fold into it (a {@code NetworkNamespace.call(Callable)}) later.
 */
public interface NsLibC {
  /** {@code int open(const char *path, int flags)}. */
  int open(String path, int flags);

  /** {@code int setns(int fd, int nstype)}. */
  int setns(int fd, int nstype);

  /** {@code int close(int fd)}. */
  int close(int fd);
}
