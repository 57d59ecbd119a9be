package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkError;
import io.github.ipvs4j.netlink.codec.MessageView;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A netlink conversation with the kernel over one {@link NetlinkSocket}: requests matched to their replies by sequence
 * number, acks, multipart dumps and batches.
 *
 * <pre>{@code
 * try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_GENERIC)) {
 *   List<NetlinkMessage> replies = c.request(GenlFamily.request("nlctrl"));       // NLM_F_REQUEST | NLM_F_ACK
 *   List<NetlinkMessage> all = c.dump(NetlinkRequest.genl(16, CTRL_CMD_GETFAMILY, 1, a -> {})); // until NLMSG_DONE
 *   c.dumpInPlace(sameRequest, part -> names.add(GenlFamily.decode(part).name()));  // no copies: decode at once
 *   BatchOutcomes outcomes = c.batch(List.of(req1, req2, req3));                  // one outcome per request, in order
 * }
 * }</pre>
 *
 * <p><b>Sequence numbers.</b> Each request gets the next number (starting at a random value); a batch takes one per
 * request. Messages whose {@code nlmsg_seq} does not belong to the running exchange are <em>dropped</em> (logged at
 * debug): they are late answers to an exchange that timed out, and must not poison the next one.
 *
 * <p><b>Acks and errors.</b> {@link #request} sets {@code NLM_F_ACK} and returns when the ack arrives; a kernel error
 * becomes {@link NetlinkErrorException} with the errno and the extended-ack message ({@code NETLINK_EXT_ACK} and
 * {@code NETLINK_CAP_ACK} are turned on when the kernel supports them).
 *
 * <p><b>Batches.</b> {@link #batch} packs many requests into each {@code send}; the kernel handles them in order (there
 * is no atomicity: earlier ones stay applied when a later one fails). All answers to a datagram are queued during the
 * {@code send} itself, so the number of requests in flight is bounded by a window, the socket's receive buffer divided
 * by {@link NetlinkOptions#replyBudget()}: the acks always fit, and {@code ENOBUFS} does not happen at any batch size.
 * The window refills when half of it has been answered.
 *
 * <p><b>Timeouts.</b> Every wait for the kernel's next datagram is bounded by {@link NetlinkOptions#timeout()}
 * ({@link NetlinkTimeoutException}); the connection stays usable afterwards.
 *
 * <p><b>Thread-safety.</b> Safe for use by many threads: each exchange (request, dump, batch) holds a lock for its whole
 * duration, so replies never mix; exchanges from different threads run one after another. {@link #close()} takes the
 * same lock, so it waits for a running exchange.
 *
 * <p><b>Buffers.</b> The connection owns one direct send buffer and one direct receive buffer, reused for every
 * exchange and released by {@link #close()}. Nothing it returns holds a reference-counted buffer: replies are
 * {@link NetlinkMessage} values with their own copies. {@link #dumpInPlace} copies nothing: its sink reads each part in
 * the receive buffer while it is called.
 */
public final class NetlinkConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetlinkConnection.class);
  /**
   * Most bytes packed into one batch datagram: under the kernel's {@code NLMSG_GOODSIZE} (a page minus the skb's
   * shared info, 3776 bytes with 4 KiB pages on x86-64), up to which {@code netlink_sendmsg} takes a slab buffer; a
   * larger datagram gets a vmalloc'd one, zeroed and mapped page by page. Applying 10,000 x 10 in 3.7 KB datagrams
   * took the kernel 10-15% less time than in 256 KB ones (the C floor in the VM, four rounds each).
   */
  private static final int MAX_BATCH_DATAGRAM = 3584;

  private final NetlinkSocket socket;
  private final NetlinkOptions options;
  private final ReentrantLock lock = new ReentrantLock();
  private final ByteBuf sendBuffer;
  private final ByteBuf receiveBuffer;
  private final MessageView view = new MessageView(); // moved over each received datagram, under the lock
  private final int window;
  private final int maxDatagram;
  private int nextSeq;
  private boolean closed;

  private NetlinkConnection(NetlinkSocket socket, NetlinkOptions options) throws NetlinkSocketException {
    this.socket = socket;
    this.options = options;
    int granted = socket.setReceiveBufferSize(options.receiveBufferSize());
    if (options.extendedAck()) {
      socket.setNetlinkOption(Netlink.NETLINK_EXT_ACK, true);
    }
    if (options.capAck()) {
      socket.setNetlinkOption(Netlink.NETLINK_CAP_ACK, true);
    }
    this.window = Math.max(1, granted / options.replyBudget());
    this.maxDatagram = Math.min(MAX_BATCH_DATAGRAM, socket.sendBufferSize() - 32); // the kernel's send limit
    this.nextSeq = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    ByteBuf send = null;
    ByteBuf receive = null;
    try {
      // unpooled, both: they live as long as the connection, and every attribute of every request is written to
      // the one and of every dump read from the other, one delegation fewer per access than a pooled buffer's (a
      // list of 1000 addresses took 4% less CPU)
      send = UnpooledByteBufAllocator.DEFAULT.directBuffer(8192);
      receive = UnpooledByteBufAllocator.DEFAULT.directBuffer(options.readBufferSize(), options.readBufferSize());
    } catch (RuntimeException e) {
      if (send != null) {
        send.release();
      }
      throw e;
    }
    this.sendBuffer = send;
    this.receiveBuffer = receive;
    log.debug("opened {} with receive buffer {} bytes, batch window {}", socket, granted, window);
  }

  /** Opens a connection for {@code protocol} with {@link NetlinkOptions#defaults()}. */
  public static NetlinkConnection open(int protocol) throws NetlinkSocketException {
    return open(protocol, NetlinkOptions.defaults());
  }

  /** Opens a connection for {@code protocol} (e.g. {@link Netlink#NETLINK_GENERIC}), in the options' namespace if any. */
  public static NetlinkConnection open(int protocol, NetlinkOptions options) throws NetlinkSocketException {
    Objects.requireNonNull(options, "options");
    NetlinkSocket socket =
        options.networkNamespace().isPresent()
            ? NetlinkSocket.open(protocol, options.networkNamespace().get())
            : NetlinkSocket.open(protocol);
    try {
      return new NetlinkConnection(socket, options);
    } catch (NetlinkSocketException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The netlink protocol. */
  public int protocol() {
    return socket.protocol();
  }

  /** The socket's port id. */
  public int portId() {
    return socket.portId();
  }

  /** The options this connection was opened with. */
  public NetlinkOptions options() {
    return options;
  }

  /** How many batched requests may be unanswered at once (receive buffer / reply budget). */
  public int batchWindow() {
    return window;
  }

  /**
   * Sends {@code request} with {@code NLM_F_REQUEST | NLM_F_ACK} and returns its replies (the ack and any
   * {@code NLMSG_DONE} excluded) once the kernel acknowledged it.
   *
   * @throws NetlinkErrorException if the kernel answered with an error (errno, extack)
   * @throws NetlinkTimeoutException if the kernel did not answer in time
   * @throws NetlinkSocketException if a system call failed
   * @throws MalformedMessageException if a reply does not decode
   * @throws IllegalArgumentException if the request has {@code NLM_F_DUMP} (use {@link #dump})
   */
  public List<NetlinkMessage> request(NetlinkRequest request) throws NetlinkException {
    Objects.requireNonNull(request, "request");
    if (isDump(request)) {
      throw new IllegalArgumentException("request: " + request + " has NLM_F_DUMP; use dump()");
    }
    lock.lock();
    try {
      checkOpen();
      int seq = takeSeq(1);
      sendBuffer.clear();
      request.writeTo(sendBuffer, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, seq, socket.portId());
      socket.send(sendBuffer);
      Exchange exchange = new Exchange(request.type(), seq);
      NetlinkMessages.AckSink acks = exchange::ack;
      Consumer<MessageView> replies = exchange::reply;
      while (!exchange.acked) {
        receive(acks, replies);
      }
      if (exchange.failure != null) {
        throw exchange.failure;
      }
      return exchange.replies;
    } finally {
      lock.unlock();
    }
  }

  /** A running {@link #request}: the replies so far, whether the answer is complete, and how it failed. */
  private final class Exchange {
    final int type;
    final int seq;
    final List<NetlinkMessage> replies = new ArrayList<>();
    boolean acked;
    NetlinkErrorException failure;

    Exchange(int type, int seq) {
      this.type = type;
      this.seq = seq;
    }

    void ack(int ackSeq) {
      if (ackSeq == seq) {
        acked = true;
      } else {
        dropAck(ackSeq);
      }
    }

    void reply(MessageView m) {
      if (m.seq() != seq || acked) {
        drop(m); // the ack comes after the replies to its request: anything later is not ours
        return;
      }
      if (m.isError()) {
        fail(NetlinkError.decode(m.copy()));
        acked = true;
      } else if (m.isDone()) {
        fail(NetlinkError.decodeDone(m.copy())); // a multipart doit reply ends; the ack follows
      } else {
        replies.add(m.copy());
      }
    }

    private void fail(NetlinkError status) {
      if (!status.isAck()) {
        failure = new NetlinkErrorException(type, seq, status);
        acked = true; // the answer ends here: the kernel sends no ack after an error
      }
    }
  }

  /** Runs a dump ({@code NLM_F_REQUEST | NLM_F_DUMP}) and returns every part, {@code NLMSG_DONE} excluded. */
  public List<NetlinkMessage> dump(NetlinkRequest request) throws NetlinkException {
    List<NetlinkMessage> parts = new ArrayList<>();
    dump(request, parts::add);
    return parts;
  }

  /**
   * Runs a dump ({@code NLM_F_REQUEST | NLM_F_DUMP}) and hands each part to {@code sink} as it arrives, until
   * {@code NLMSG_DONE}. If {@code sink} throws, the rest of the dump is read and dropped (so the socket is clean for the
   * next exchange) and the exception propagates.
   *
   * @throws NetlinkDumpInterruptedException if a part carried {@code NLM_F_DUMP_INTR} (the table changed during the
   *     dump; every part was still delivered; retry)
   * @throws NetlinkErrorException if the kernel refused the dump or ended it with an error
   */
  public void dump(NetlinkRequest request, Consumer<NetlinkMessage> sink) throws NetlinkException {
    Objects.requireNonNull(sink, "sink");
    dumpInPlace(request, part -> sink.accept(part.copy()));
  }

  /**
   * {@link #dump(NetlinkRequest, Consumer)} without copies: {@code sink} gets each part as a {@link MessageView} of the
   * receive buffer, valid only during the call. For decoders that turn the bytes into their own values at once; a
   * snapshot's dumps allocate nothing per part in this layer.
   */
  public void dumpInPlace(NetlinkRequest request, Consumer<MessageView> sink) throws NetlinkException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    lock.lock();
    try {
      checkOpen();
      int seq = takeSeq(1);
      sendBuffer.clear();
      request.writeTo(sendBuffer, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, seq, socket.portId());
      socket.send(sendBuffer);
      Dump dump = new Dump(request.type(), seq, sink);
      Consumer<MessageView> parts = dump::part;
      while (!dump.done) {
        receive(null, parts);
      }
      if (dump.sinkFailure != null) {
        throw dump.sinkFailure;
      }
      if (dump.failure != null) {
        throw dump.failure;
      }
      if (dump.interrupted) {
        throw new NetlinkDumpInterruptedException(
            "dump of type " + request.type() + " was interrupted (NLM_F_DUMP_INTR): the table changed; retry");
      }
    } finally {
      lock.unlock();
    }
  }

  /** A running dump: where its parts go, whether it ended, and how. */
  private final class Dump {
    final int type;
    final int seq;
    final Consumer<MessageView> sink;
    boolean done;
    boolean interrupted;
    NetlinkErrorException failure;
    RuntimeException sinkFailure;

    Dump(int type, int seq, Consumer<MessageView> sink) {
      this.type = type;
      this.seq = seq;
      this.sink = sink;
    }

    void part(MessageView m) {
      if (m.seq() != seq || done) {
        drop(m);
        return;
      }
      if (m.hasFlags(Netlink.NLM_F_DUMP_INTR)) {
        interrupted = true;
      }
      if (m.isError()) {
        NetlinkError status = NetlinkError.decode(m.copy());
        if (!status.isAck()) {
          failure = new NetlinkErrorException(type, seq, status);
          done = true;
        }
        return; // an ack is not the end of a dump
      }
      if (m.isDone()) {
        NetlinkError status = NetlinkError.decodeDone(m.copy());
        if (!status.isAck()) {
          failure = new NetlinkErrorException(type, seq, status);
        }
        done = true;
        return;
      }
      if (sinkFailure == null) {
        try {
          sink.accept(m);
        } catch (RuntimeException e) {
          sinkFailure = e; // keep reading to NLMSG_DONE so the kernel's dump state ends
        }
      }
    }
  }

  /**
   * Sends {@code requests} in as few datagrams as the window allows, each with {@code NLM_F_REQUEST | NLM_F_ACK}, and
   * returns one outcome per request, in the same order. A request the kernel rejects does not stop the others.
   *
   * @throws NetlinkTimeoutException if some request was not answered in time (no outcomes are returned)
   * @throws NetlinkSocketException if a system call failed
   * @throws IllegalArgumentException if a request has {@code NLM_F_DUMP}
   */
  public BatchOutcomes batch(List<NetlinkRequest> requests) throws NetlinkException {
    List<NetlinkRequest> all = List.copyOf(requests);
    for (NetlinkRequest r : all) {
      if (isDump(r)) {
        throw new IllegalArgumentException("requests: " + r + " has NLM_F_DUMP; dumps cannot be batched");
      }
    }
    int n = all.size();
    if (n == 0) {
      return new BatchOutcomes(all, 0, 0, new int[0], new NetlinkError[0], Map.of());
    }
    lock.lock();
    try {
      checkOpen();
      Batch b = new Batch(all, takeSeq(n));
      NetlinkMessages.AckSink acks = b::ack;
      Consumer<MessageView> messages = b::message;
      while (b.done < n) {
        int inFlight = b.sent - b.done;
        if (b.sent < n && inFlight <= window / 2) {
          b.sent = sendChunk(b, window - inFlight);
          continue;
        }
        receive(acks, messages);
      }
      return new BatchOutcomes(all, b.base, socket.portId(), b.lengths, b.statuses, b.replies);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A running batch: what was sent, what was answered. A plain ack (100,000 of them for a batch of 100,000 requests)
   * leaves only a flag; statuses other than plain acks and replies are kept as they come.
   */
  private static final class Batch {
    final List<NetlinkRequest> all;
    final int base;
    final int[] lengths; // nlmsg_len of each request as sent
    final boolean[] answered;
    final NetlinkError[] statuses; // the kernel's NLMSG_ERROR where it was more than a plain ack
    final Map<Integer, List<NetlinkMessage>> replies = new HashMap<>();
    int sent;
    int done;

    Batch(List<NetlinkRequest> all, int base) {
      this.all = all;
      this.base = base;
      this.lengths = new int[all.size()];
      this.answered = new boolean[all.size()];
      this.statuses = new NetlinkError[all.size()];
    }

    /** The request of {@code seq} if it was sent and is not answered yet, else -1. */
    int pending(int seq) {
      long index = Integer.toUnsignedLong(seq - base);
      return index >= sent || answered[(int) index] ? -1 : (int) index;
    }

    void ack(int seq) {
      int i = pending(seq);
      if (i < 0) {
        dropAck(seq);
        return;
      }
      answered[i] = true;
      done++;
    }

    void message(MessageView m) {
      int i = pending(m.seq());
      if (i < 0) {
        drop(m);
      } else if (m.isError()) {
        statuses[i] = NetlinkError.decode(m.copy());
        answered[i] = true;
        done++;
      } else {
        replies.computeIfAbsent(i, k -> new ArrayList<>(1)).add(m.copy());
      }
    }
  }

  /** Packs the batch's next requests (at most {@code room}) into one datagram and sends it; returns the new sent count. */
  private int sendChunk(Batch b, int room) throws NetlinkSocketException {
    sendBuffer.clear();
    int from = b.sent;
    int next = from;
    while (next < b.all.size() && next - from < room) {
      int mark = sendBuffer.writerIndex();
      b.lengths[next] =
          b.all.get(next).writeTo(sendBuffer, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, b.base + next, socket.portId());
      if (sendBuffer.writerIndex() > maxDatagram && next > from) {
        sendBuffer.writerIndex(mark); // does not fit: goes first in the next datagram
        break;
      }
      next++;
    }
    socket.send(sendBuffer);
    return next;
  }

  /**
   * Receives one datagram and hands its messages, in place, to {@code sink}; its plain acks go to {@code acks} (read in
   * place; null: to {@code sink} like the rest).
   */
  private void receive(NetlinkMessages.AckSink acks, Consumer<MessageView> sink) throws NetlinkException {
    receiveBuffer.clear();
    socket.receive(receiveBuffer, options.timeout());
    NetlinkMessages.forEachInPlace(receiveBuffer, view, acks, sink);
  }

  private static void drop(MessageView m) {
    log.debug("dropped a message that belongs to no running exchange: {}", m);
  }

  private static void dropAck(int seq) {
    log.debug("dropped an ack of seq {} that belongs to no running exchange", Integer.toUnsignedString(seq));
  }

  private int takeSeq(int count) {
    int seq = nextSeq;
    nextSeq += count;
    if (nextSeq == 0 || Integer.compareUnsigned(nextSeq, seq) < 0) {
      nextSeq = 1; // wrapped: seq 0 is what unsolicited messages carry
    }
    return seq;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("netlink connection is closed");
    }
  }

  /** Closes the socket and releases the buffers, after any running exchange ends. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      socket.close();
      sendBuffer.release();
      receiveBuffer.release();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "NetlinkConnection{" + socket + ", window=" + window + "}";
  }

  /**
   * A request that asks for a dump: both bits of {@code NLM_F_DUMP}. Either bit alone is no dump: on a NEW request
   * {@code 0x100} is {@code NLM_F_REPLACE} and {@code 0x200} is {@code NLM_F_EXCL} (RTM_NEWADDR sends CREATE|EXCL).
   */
  private static boolean isDump(NetlinkRequest request) {
    return (request.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP;
  }
}
