package io.github.ipvs4j.netlink.codec;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A netlink message to send, minus what the transport fills in: it knows its {@code nlmsg_type}, its own flags (e.g.
 * {@code NLM_F_CREATE | NLM_F_EXCL}) and how to write its payload; the transport adds {@code NLM_F_REQUEST},
 * {@code NLM_F_ACK} or {@code NLM_F_DUMP}, the sequence number and the port id when it writes it.
 *
 * <pre>{@code
 * NetlinkRequest getFamily =
 *     NetlinkRequest.genl(GenlCtrl.GENL_ID_CTRL, GenlCtrl.CTRL_CMD_GETFAMILY, 1,
 *         a -> a.string(GenlCtrl.CTRL_ATTR_FAMILY_NAME, "nlctrl"));
 * }</pre>
 *
 * <p>Immutable if its payload writer is; the writer may run more than once (each time the request is sent) and on any
 * thread. Keeps no buffer.
 */
public final class NetlinkRequest {
  /** Writes a request's payload (everything after the nlmsghdr) at the writer index of the buffer it is given. */
  @FunctionalInterface
  public interface PayloadWriter {
    /** Appends the payload to {@code out} (owned by the caller; do not release or keep it). */
    void writePayload(ByteBuf out);
  }

  private final int type;
  private final int flags;
  private final PayloadWriter payload;

  private NetlinkRequest(int type, int flags, PayloadWriter payload) {
    if ((type & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("type: " + type + " (expected: 0-65535)");
    }
    if ((flags & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("flags: " + flags + " (expected: 0-65535)");
    }
    this.type = type;
    this.flags = flags;
    this.payload = Objects.requireNonNull(payload, "payload");
  }

  /** A request of {@code type} with {@code flags} whose payload {@code payload} writes. */
  public static NetlinkRequest of(int type, int flags, PayloadWriter payload) {
    return new NetlinkRequest(type, flags, payload);
  }

  /** A generic-netlink request: genlmsghdr {@code {cmd, version, 0}} then the attributes {@code attributes} writes. */
  public static NetlinkRequest genl(int familyId, int cmd, int version, Consumer<AttributeEncoder> attributes) {
    return genl(familyId, cmd, version, 0, attributes);
  }

  /** {@link #genl(int, int, int, Consumer)} with message flags such as {@code NLM_F_CREATE}. */
  public static NetlinkRequest genl(
      int familyId, int cmd, int version, int flags, Consumer<AttributeEncoder> attributes) {
    GenlMsgHdr genl = GenlMsgHdr.of(cmd, version);
    Objects.requireNonNull(attributes, "attributes");
    return new NetlinkRequest(
        familyId,
        flags,
        out -> {
          genl.write(out);
          attributes.accept(new AttributeEncoder(out));
        });
  }

  /** {@code nlmsg_type}. */
  public int type() {
    return type;
  }

  /** The request's own flags (without what the transport adds). */
  public int flags() {
    return flags;
  }

  /** This request with {@code flags} instead of its own. */
  public NetlinkRequest withFlags(int flags) {
    return new NetlinkRequest(type, flags, payload);
  }

  /**
   * Appends the whole message: nlmsghdr with flags {@code flags() | extraFlags}, {@code seq} and {@code pid}, then the
   * payload, then zero padding to a multiple of 4. {@code nlmsg_len} is back-patched to header + payload (padding
   * excluded). The writer index moves to the padded end; the caller owns {@code out}.
   *
   * @return {@code nlmsg_len}
   */
  public int writeTo(ByteBuf out, int extraFlags, int seq, int pid) {
    int start = out.writerIndex();
    NlMsgHdr.write(out, 0, type, (flags | extraFlags) & 0xFFFF, seq, pid);
    payload.writePayload(out);
    int len = out.writerIndex() - start;
    NativeOrder.setInt(out, start + NlMsgHdr.OFFSET_LEN, len);
    out.writeZero(Netlink.nlmsgAlign(len) - len);
    return len;
  }

  @Override
  public String toString() {
    return "NetlinkRequest{type=" + type + ", flags=0x" + Integer.toHexString(flags) + "}";
  }
}
