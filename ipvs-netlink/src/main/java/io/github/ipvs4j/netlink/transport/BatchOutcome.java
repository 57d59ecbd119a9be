package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.codec.NetlinkError;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kernel answered to one request of a {@link NetlinkConnection#batch batch}: its ack or error and any reply
 * messages that came before it.
 *
 * @param index position of the request in the batch
 * @param request the request
 * @param status the kernel's {@code NLMSG_ERROR}: error 0 for success, otherwise a negative errno and extack
 * @param replies reply messages for this request (without the ack), in arrival order
 */
public record BatchOutcome(int index, NetlinkRequest request, NetlinkError status, List<NetlinkMessage> replies) {
  /** Checks for nulls and freezes the replies. */
  public BatchOutcome {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    replies = List.copyOf(replies);
  }

  /** Whether the kernel acknowledged the request (error 0). */
  public boolean isOk() {
    return status.isAck();
  }

  /** The positive errno, or 0 when it succeeded. */
  public int errno() {
    return status.errno();
  }

  /** The kernel's extended-ack text, if any. */
  public Optional<String> kernelMessage() {
    return status.message();
  }

  /** The failure as an exception, or empty when it succeeded. */
  public Optional<NetlinkErrorException> failure() {
    return isOk()
        ? Optional.empty()
        : Optional.of(new NetlinkErrorException(request.type(), status.request().map(h -> h.seq()).orElse(0), status));
  }
}
