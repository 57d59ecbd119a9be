package io.github.ipvs4j.netlink.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link NetlinkConnection}; immutable, start from {@link #defaults()} and change with the
 * {@code with...} methods.
 *
 * @param timeout bound on every wait for the kernel's next datagram (default 5 s)
 * @param receiveBufferSize socket receive buffer to ask for ({@code SO_RCVBUFFORCE}, falling back to
 *     {@code SO_RCVBUF}); at least 32 KiB (default 1 MiB; the kernel doubles it)
 * @param readBufferSize user-space buffer for one datagram; at least 32 KiB, the most a kernel dump puts in one
 *     datagram (default 64 KiB)
 * @param replyBudget worst-case receive-buffer memory (skb truesize) one batched request's answer may take: its reply
 *     plus its ack; the batch window is the socket's receive buffer divided by this (default 4 KiB)
 * @param extendedAck ask for extended acks ({@code NETLINK_EXT_ACK}; default true)
 * @param capAck cap error acks to the request header ({@code NETLINK_CAP_ACK}; default true)
 * @param networkNamespace the namespace to open the socket in; empty for the caller's own
 */
public record NetlinkOptions(
    Duration timeout,
    int receiveBufferSize,
    int readBufferSize,
    int replyBudget,
    boolean extendedAck,
    boolean capAck,
    Optional<NetworkNamespace> networkNamespace) {

  /** 32 KiB: the smallest receive and read buffer accepted. */
  public static final int MIN_BUFFER_SIZE = 32 * 1024;

  private static final NetlinkOptions DEFAULTS =
      new NetlinkOptions(Duration.ofSeconds(5), 1 << 20, 64 * 1024, 4096, true, true, Optional.empty());

  /** Checks every setting. */
  public NetlinkOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(networkNamespace, "networkNamespace");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    if (receiveBufferSize < MIN_BUFFER_SIZE) {
      throw new IllegalArgumentException(
          "receiveBufferSize: " + receiveBufferSize + " (expected: >= " + MIN_BUFFER_SIZE + ")");
    }
    if (readBufferSize < MIN_BUFFER_SIZE || readBufferSize > (1 << 24)) {
      throw new IllegalArgumentException(
          "readBufferSize: " + readBufferSize + " (expected: " + MIN_BUFFER_SIZE + "-" + (1 << 24) + ")");
    }
    if (replyBudget < 64) {
      throw new IllegalArgumentException("replyBudget: " + replyBudget + " (expected: >= 64)");
    }
  }

  /** The defaults: 5 s timeout, 1 MiB receive buffer, 64 KiB read buffer, 4 KiB reply budget, acks extended and capped. */
  public static NetlinkOptions defaults() {
    return DEFAULTS;
  }

  /** With {@code timeout}. */
  public NetlinkOptions withTimeout(Duration timeout) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** With {@code receiveBufferSize}. */
  public NetlinkOptions withReceiveBufferSize(int receiveBufferSize) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** With {@code readBufferSize}. */
  public NetlinkOptions withReadBufferSize(int readBufferSize) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** With {@code replyBudget}. */
  public NetlinkOptions withReplyBudget(int replyBudget) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** With extended acks on or off. */
  public NetlinkOptions withExtendedAck(boolean extendedAck) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** With capped acks on or off. */
  public NetlinkOptions withCapAck(boolean capAck) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        networkNamespace);
  }

  /** Opening the socket in {@code namespace}. */
  public NetlinkOptions withNetworkNamespace(NetworkNamespace namespace) {
    return new NetlinkOptions(timeout, receiveBufferSize, readBufferSize, replyBudget, extendedAck, capAck,
        Optional.of(namespace));
  }
}
