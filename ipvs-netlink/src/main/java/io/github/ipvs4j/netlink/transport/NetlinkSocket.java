package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.Closeable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw netlink socket ({@code socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol)}) over jnr-ffi, bound to a port id
 * the kernel picks. Low-level API: most code wants {@link NetlinkConnection}, which adds sequence numbers, acks, dumps
 * and batches.
 *
 * <p>Every native call is followed at once by reading its errno; {@code EINTR} is retried; a failure becomes a
 * {@link NetlinkSocketException} with the call's name and the typed errno. Receiving never blocks without bound: it
 * reads with {@code MSG_DONTWAIT} and, when nothing is queued, waits in {@code poll()} for at most the remaining
 * timeout. {@code MSG_TRUNC} makes {@code recv} return a datagram's real length, so a datagram larger than the
 * buffer is reported as an error rather than silently cut.
 *
 * <p>Thread-safety: one thread at a time ({@link NetlinkConnection} serialises its calls); {@link #close()} is
 * idempotent. Buffers: {@link #send} and {@link #receive} use the caller's buffer only during the call and never
 * release it.
 */
public final class NetlinkSocket implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(NetlinkSocket.class);

  private final int fd;
  private final int protocol;
  private final int portId;
  private final AtomicBoolean closed = new AtomicBoolean();
  // Scratch native memory, used under the one-thread-at-a-time rule.
  private final Pointer address = Native.allocate(Native.SOCKADDR_NL_SIZE);
  private final Pointer length = Native.allocate(4);
  private final Pointer pollFd = Native.allocate(8);
  private final Pointer intValue = Native.allocate(4);

  private NetlinkSocket(int fd, int protocol) throws NetlinkSocketException {
    this.fd = fd;
    this.protocol = protocol;
    try {
      address.putShort(0, (short) Native.AF_NETLINK); // sockaddr_nl {AF_NETLINK, 0, pid 0 (kernel picks), groups 0}
      if (Native.LIBC.bind(fd, address, Native.SOCKADDR_NL_SIZE) < 0) {
        throw new NetlinkSocketException("bind", Native.errno(), null);
      }
      length.putInt(0, Native.SOCKADDR_NL_SIZE);
      if (Native.LIBC.getsockname(fd, address, length) < 0) {
        throw new NetlinkSocketException("getsockname", Native.errno(), null);
      }
      this.portId = address.getInt(4);
      // Connected to the kernel (port 0): the kernel then refuses unicasts to this port from any other socket
      // (ECONNREFUSED to their sender), so every datagram received is the kernel's and recv needs no sender address.
      address.putInt(4, 0);
      if (Native.LIBC.connect(fd, address, Native.SOCKADDR_NL_SIZE) < 0) {
        throw new NetlinkSocketException("connect", Native.errno(), null);
      }
    } catch (NetlinkSocketException | RuntimeException e) {
      Native.LIBC.close(fd);
      throw e;
    }
  }

  /** Opens a socket for {@code protocol} ({@link Netlink#NETLINK_GENERIC}, {@link Netlink#NETLINK_ROUTE}...) here. */
  public static NetlinkSocket open(int protocol) throws NetlinkSocketException {
    int fd = Native.LIBC.socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, protocol);
    if (fd < 0) {
      throw new NetlinkSocketException("socket", Native.errno(), "AF_NETLINK, protocol " + protocol);
    }
    return new NetlinkSocket(fd, protocol);
  }

  /**
   * Opens a socket for {@code protocol} inside {@code namespace}, without moving the calling thread: a dedicated thread
   * opens the namespace file, calls {@code setns(fd, CLONE_NEWNET)}, creates the socket and exits. The socket stays in
   * that namespace. Needs {@code CAP_SYS_ADMIN}.
   */
  public static NetlinkSocket open(int protocol, NetworkNamespace namespace) throws NetlinkSocketException {
    Objects.requireNonNull(namespace, "namespace");
    String path = namespace.path().toString();
    int[] result = {-1};
    NetlinkSocketException[] failure = {null};
    Thread opener =
        new Thread(
            () -> {
              int nsFd = Native.LIBC.open(path, Native.O_RDONLY | Native.O_CLOEXEC);
              if (nsFd < 0) {
                failure[0] = new NetlinkSocketException("open", Native.errno(), path);
                return;
              }
              try {
                if (Native.LIBC.setns(nsFd, Native.CLONE_NEWNET) < 0) {
                  failure[0] = new NetlinkSocketException("setns", Native.errno(), path);
                  return;
                }
                int fd = Native.LIBC.socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, protocol);
                if (fd < 0) {
                  failure[0] = new NetlinkSocketException("socket", Native.errno(), "in " + path);
                  return;
                }
                result[0] = fd;
              } finally {
                Native.LIBC.close(nsFd);
              }
              // The thread now ends; with it ends the only thread that ever entered the namespace.
            },
            "ipvs4j-netns-open");
    opener.setDaemon(true);
    opener.start();
    boolean interrupted = false;
    while (true) {
      try {
        opener.join(); // wait even if interrupted, so the socket is never leaked
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    if (result[0] < 0) {
      throw new IllegalStateException("namespace opener thread ended without a socket or an error");
    }
    log.debug("opened netlink protocol {} socket fd {} in {}", protocol, result[0], path);
    return new NetlinkSocket(result[0], protocol);
  }

  /** The netlink protocol, e.g. {@link Netlink#NETLINK_GENERIC}. */
  public int protocol() {
    return protocol;
  }

  /** The port id the kernel bound this socket to ({@code getsockname}); replies carry it as {@code nlmsg_pid}. */
  public int portId() {
    return portId;
  }

  /**
   * Asks for a receive buffer of {@code bytes}: {@code SO_RCVBUFFORCE} first (may exceed {@code rmem_max}; needs
   * CAP_NET_ADMIN), then {@code SO_RCVBUF} (capped by {@code net.core.rmem_max}). Returns what the kernel granted (see
   * {@link #receiveBufferSize()}).
   */
  public int setReceiveBufferSize(int bytes) throws NetlinkSocketException {
    checkOpen();
    intValue.putInt(0, bytes);
    if (Native.LIBC.setsockopt(fd, Native.SOL_SOCKET, Native.SO_RCVBUFFORCE, intValue, 4) < 0) {
      int errno = Native.errno();
      log.debug("setsockopt(SO_RCVBUFFORCE, {}) failed with errno {}; trying SO_RCVBUF", bytes, errno);
      intValue.putInt(0, bytes);
      if (Native.LIBC.setsockopt(fd, Native.SOL_SOCKET, Native.SO_RCVBUF, intValue, 4) < 0) {
        throw new NetlinkSocketException("setsockopt", Native.errno(), "SO_RCVBUF " + bytes);
      }
    }
    return receiveBufferSize();
  }

  /** The receive buffer the kernel accounts against ({@code SO_RCVBUF}: twice what was asked for, for overhead). */
  public int receiveBufferSize() throws NetlinkSocketException {
    return getIntOption(Native.SOL_SOCKET, Native.SO_RCVBUF, "SO_RCVBUF");
  }

  /** The send buffer ({@code SO_SNDBUF}); the kernel refuses a datagram longer than this minus 32 bytes. */
  public int sendBufferSize() throws NetlinkSocketException {
    return getIntOption(Native.SOL_SOCKET, Native.SO_SNDBUF, "SO_SNDBUF");
  }

  /**
   * Turns a boolean {@code SOL_NETLINK} option such as {@link Netlink#NETLINK_EXT_ACK} on or off. Returns false when
   * the kernel does not know the option ({@code ENOPROTOOPT}: an old kernel); throws on other errors.
   */
  public boolean setNetlinkOption(int option, boolean on) throws NetlinkSocketException {
    checkOpen();
    intValue.putInt(0, on ? 1 : 0);
    if (Native.LIBC.setsockopt(fd, Netlink.SOL_NETLINK, option, intValue, 4) < 0) {
      int errno = Native.errno();
      if (errno == Errno.ENOPROTOOPT) {
        log.debug("setsockopt(SOL_NETLINK, {}) is not supported by this kernel", option);
        return false;
      }
      throw new NetlinkSocketException("setsockopt", errno, "SOL_NETLINK option " + option);
    }
    return true;
  }

  /**
   * Sends the readable bytes of {@code buf} (one or more whole netlink messages) as one datagram to the kernel. The
   * buffer's indices are not changed; the caller keeps ownership. A heap buffer is copied into a temporary direct one.
   */
  public void send(ByteBuf buf) throws NetlinkSocketException {
    checkOpen();
    int len = buf.readableBytes();
    if (buf.isDirect()) {
      sendAt(addressOf(buf, buf.readerIndex(), len), len);
      return;
    }
    ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(len);
    try {
      direct.writeBytes(buf, buf.readerIndex(), len);
      sendAt(addressOf(direct, 0, len), len);
    } finally {
      direct.release();
    }
  }

  /** The native address of byte {@code index} of a direct buffer (with or without netty's Unsafe access). */
  private static long addressOf(ByteBuf direct, int index, int length) {
    if (direct.hasMemoryAddress()) {
      return direct.memoryAddress() + index;
    }
    if (direct.nioBufferCount() != 1) {
      throw new IllegalArgumentException("buffer: a direct buffer of one region expected, got " + direct);
    }
    return Pointer.wrap(Native.RUNTIME, direct.nioBuffer(index, length)).address();
  }

  private void sendAt(long address, int len) throws NetlinkSocketException {
    while (true) {
      long n = Native.LIBC.send(fd, address, len, 0);
      if (n >= 0) {
        if (n != len) {
          throw new NetlinkSocketException("send", Errno.EMSGSIZE, "sent " + n + " of " + len + " bytes");
        }
        return;
      }
      int errno = Native.errno();
      if (errno != Errno.EINTR) {
        throw new NetlinkSocketException("send", errno, len + " bytes");
      }
    }
  }

  /**
   * Receives one datagram from the kernel into the writable space of {@code dst} (at its writer index, which then moves
   * past the datagram) and returns its length. Only the kernel can send to this socket (it is connected to port 0).
   * Waits at most {@code timeout} in total.
   *
   * @param dst a direct buffer with a memory address (as netty's direct buffers have), owned by the caller
   * @throws NetlinkTimeoutException if nothing arrived in time
   * @throws NetlinkSocketException if {@code recv} or {@code poll} failed (e.g. {@code ENOBUFS}: messages lost)
   * @throws NetlinkException if the datagram was larger than the writable space (it is lost)
   */
  public int receive(ByteBuf dst, Duration timeout) throws NetlinkException {
    checkOpen();
    long deadline = 0; // set at the first EAGAIN: a reply is usually queued already, during the request's send
    boolean waited = false;
    int capacity = dst.writableBytes();
    if (!dst.isDirect()) {
      throw new IllegalArgumentException("dst: must be a direct buffer");
    }
    long into = addressOf(dst, dst.writerIndex(), capacity);
    while (true) {
      long n = Native.LIBC.recv(fd, into, capacity, Native.MSG_TRUNC | Native.MSG_DONTWAIT);
      if (n < 0) {
        int errno = Native.errno();
        if (errno == Errno.EINTR) {
          continue;
        }
        if (errno != Errno.EAGAIN) {
          throw new NetlinkSocketException("recv", errno, null);
        }
        if (!waited) {
          deadline = System.nanoTime() + timeout.toNanos();
          waited = true;
        }
        awaitReadable(deadline, timeout);
        continue;
      }
      if (n > capacity) {
        throw new NetlinkException(
            "recv(..) returned a " + n + "-byte datagram, larger than the " + capacity
                + "-byte buffer; it was truncated and dropped");
      }
      dst.writerIndex(dst.writerIndex() + (int) n);
      return (int) n;
    }
  }

  private void awaitReadable(long deadline, Duration timeout) throws NetlinkException {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new NetlinkTimeoutException("no netlink reply within " + timeout.toMillis() + " ms");
      }
      int millis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
      pollFd.putInt(0, fd);
      pollFd.putShort(4, Native.POLLIN);
      pollFd.putShort(6, (short) 0);
      int ready = Native.LIBC.poll(pollFd, 1, millis);
      if (ready > 0) {
        return; // readable, or an error (POLLERR) that the next recv reports
      }
      if (ready < 0) {
        int errno = Native.errno();
        if (errno != Errno.EINTR) {
          throw new NetlinkSocketException("poll", errno, null);
        }
      }
    }
  }

  private int getIntOption(int level, int option, String name) throws NetlinkSocketException {
    checkOpen();
    length.putInt(0, 4);
    if (Native.LIBC.getsockopt(fd, level, option, intValue, length) < 0) {
      throw new NetlinkSocketException("getsockopt", Native.errno(), name);
    }
    return intValue.getInt(0);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("netlink socket is closed");
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Closes the socket; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (Native.LIBC.close(fd) < 0) {
        log.debug("close({}) failed with errno {}", fd, Native.errno());
      }
    }
  }

  @Override
  public String toString() {
    return "NetlinkSocket{protocol=" + protocol + ", portId=" + Integer.toUnsignedString(portId) + ", fd=" + fd
        + (closed.get() ? ", closed" : "") + "}";
  }
}
