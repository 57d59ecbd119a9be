package io.github.ipvs4j.netlink.transport.internal.ffi;

import jnr.ffi.Pointer;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * Internal: the C library calls the netlink transport makes, bound by jnr-ffi. Not API.
 *
 * <p>Every call returns -1 and sets errno on failure; jnr-ffi saves errno right after the call, and the transport
 * reads it with {@code LastError.getLastError(runtime)} before making any other native call. Pointers are to native
 * memory the caller keeps alive for the duration of the call.
 */
@SuppressWarnings("exports") // jnr types in an internal binding; callers never see them
public interface LibC {
  /** {@code int socket(int domain, int type, int protocol)}. */
  int socket(int domain, int type, int protocol);

  /** {@code int bind(int fd, const struct sockaddr *addr, socklen_t len)}. */
  int bind(int fd, Pointer addr, int addrlen);

  /** {@code int getsockname(int fd, struct sockaddr *addr, socklen_t *len)}. */
  int getsockname(int fd, Pointer addr, Pointer addrlen);

  /** {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t len)}. */
  int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

  /** {@code int getsockopt(int fd, int level, int name, void *value, socklen_t *len)}. */
  int getsockopt(int fd, int level, int optname, Pointer optval, Pointer optlen);

  /** {@code int connect(int fd, const struct sockaddr *addr, socklen_t len)}. */
  int connect(int fd, Pointer addr, int addrlen);

  // send and recv take the buffer's address as an intptr_t: the same register as a pointer on every LP64 ABI, and
  // no jnr Pointer object per call (a netlink round trip makes three of these calls)

  /** {@code ssize_t send(int fd, const void *buf, size_t len, int flags)}, {@code buf} as an address. */
  @ssize_t
  long send(int fd, @intptr_t long buf, @size_t long len, int flags);

  /** {@code ssize_t recv(int fd, void *buf, size_t len, int flags)}, {@code buf} as an address. */
  @ssize_t
  long recv(int fd, @intptr_t long buf, @size_t long len, int flags);

  /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}; {@code nfds_t} is {@code unsigned long}. */
  int poll(Pointer fds, @size_t long nfds, int timeout);

  /** {@code int close(int fd)}. */
  int close(int fd);

  /** {@code int open(const char *path, int flags)}. */
  int open(String path, int flags);

  /** {@code int setns(int fd, int nstype)}. */
  int setns(int fd, int nstype);
}
