package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.transport.internal.ffi.LibC;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** The loaded C library and the Linux constants the transport passes to it (asm-generic values). */
final class Native {
  private Native() {}

  static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  /** {@code AF_NETLINK 16}. */
  static final int AF_NETLINK = 16;
  /** {@code SOCK_RAW 3}. */
  static final int SOCK_RAW = 3;
  /** {@code SOCK_CLOEXEC 02000000}. */
  static final int SOCK_CLOEXEC = 0x80000;
  /** {@code SOL_SOCKET 1}. */
  static final int SOL_SOCKET = 1;
  /** {@code SO_SNDBUF 7}. */
  static final int SO_SNDBUF = 7;
  /** {@code SO_RCVBUF 8}. */
  static final int SO_RCVBUF = 8;
  /** {@code SO_RCVBUFFORCE 33}: like SO_RCVBUF past rmem_max; needs CAP_NET_ADMIN. */
  static final int SO_RCVBUFFORCE = 33;
  /** {@code MSG_TRUNC 0x20}: on receive, return the datagram's real length even when it was cut. */
  static final int MSG_TRUNC = 0x20;
  /** {@code MSG_DONTWAIT 0x40}. */
  static final int MSG_DONTWAIT = 0x40;
  /** {@code O_RDONLY 0}. */
  static final int O_RDONLY = 0;
  /** {@code O_CLOEXEC 02000000}. */
  static final int O_CLOEXEC = 0x80000;
  /** {@code CLONE_NEWNET 0x40000000}. */
  static final int CLONE_NEWNET = 0x40000000;
  /** {@code POLLIN 0x001}. */
  static final short POLLIN = 0x1;
  /** {@code sizeof(struct sockaddr_nl)}: family u16, pad u16, pid u32, groups u32. */
  static final int SOCKADDR_NL_SIZE = 12;

  /** errno of the last native call on this thread; call it right after the call. */
  static int errno() {
    return LastError.getLastError(RUNTIME);
  }

  /** {@code size} bytes of zeroed native memory, freed when unreachable. */
  static Pointer allocate(int size) {
    return Memory.allocateDirect(RUNTIME, size, true);
  }

  /** A pointer to the native address {@code address}. */
  static Pointer wrap(long address) {
    return Pointer.wrap(RUNTIME, address);
  }
}
