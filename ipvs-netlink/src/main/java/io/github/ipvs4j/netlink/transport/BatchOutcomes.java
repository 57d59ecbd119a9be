package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkError;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.codec.NlMsgHdr;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The outcomes of a {@link NetlinkConnection#batch batch}, one per request in order: an immutable list whose
 * {@link BatchOutcome}s are made when asked for. A batch of 100,000 requests gets 100,000 plain acks; each leaves a flag
 * here rather than four objects that would stay reachable until the caller is done (the kernel's ack of a request
 * echoes the request's header as sent, which is what {@link #get} shows for it).
 *
 * <pre>{@code
 * BatchOutcomes outcomes = connection.batch(requests);
 * for (int i = 0; i < outcomes.size(); i++) {
 *   if (!outcomes.isOk(i)) {
 *     System.out.println(outcomes.get(i).failure().orElseThrow().getMessage());
 *   }
 * }
 * }</pre>
 */
public final class BatchOutcomes extends AbstractList<BatchOutcome> implements RandomAccess {
  private final List<NetlinkRequest> requests;
  private final int firstSeq;
  private final int pid;
  private final int[] lengths;
  private final NetlinkError[] statuses;
  private final Map<Integer, List<NetlinkMessage>> replies;

  /**
   * Takes a finished batch's arrays as they are (nothing changes them once the batch returns): {@code statuses[i]}
   * null means a plain ack.
   */
  BatchOutcomes(
      List<NetlinkRequest> requests,
      int firstSeq,
      int pid,
      int[] lengths,
      NetlinkError[] statuses,
      Map<Integer, List<NetlinkMessage>> replies) {
    this.requests = requests;
    this.firstSeq = firstSeq;
    this.pid = pid;
    this.lengths = lengths;
    this.statuses = statuses;
    this.replies = replies;
  }

  @Override
  public int size() {
    return requests.size();
  }

  /** Whether the kernel acknowledged request {@code index} (error 0); {@code get(index).isOk()} without the object. */
  public boolean isOk(int index) {
    Objects.checkIndex(index, size());
    return statuses[index] == null || statuses[index].isAck();
  }

  @Override
  public BatchOutcome get(int index) {
    Objects.checkIndex(index, size());
    NetlinkRequest request = requests.get(index);
    NetlinkError status = statuses[index];
    if (status == null) { // a plain ack: error 0, capped, echoing the header that was sent
      int flags = (request.flags() | Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK) & 0xFFFF;
      status = NetlinkError.ack(new NlMsgHdr(lengths[index], request.type(), flags, firstSeq + index, pid), true);
    }
    return new BatchOutcome(index, request, status, replies.getOrDefault(index, List.of()));
  }
}
