package io.github.ipvs4j.netlink.codec;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The values the last run of one dump decoded, kept with the payload bytes each came from, so that the next run hands
 * back the value of every part whose bytes have not changed instead of decoding it again. Reading a table that rarely
 * changes (a host's addresses, dumped before every VIP change) then costs a copy and a comparison a part, and
 * allocates nothing for it.
 *
 * <pre>{@code
 * DumpMemo<InterfaceAddress> memo = new DumpMemo<>(4 << 20);        // one per connection and dump, kept
 * try (DumpMemo.Run<InterfaceAddress> run = memo.start(linkNames)) {
 *   List<InterfaceAddress> out = new ArrayList<>(run.lastCount());
 *   connection.dumpInPlace(request, part -> out.add(run.value(part, decoder)));
 *   run.finish();                  // the whole dump was read: the memo keeps this run; else the last whole one
 * }
 * }</pre>
 *
 * <p><b>Matching.</b> By position: the kernel dumps a table in a stable order, so the n-th part of a run is compared
 * with the n-th part of the last run (its {@code nlmsg_type} and payload). A part added or removed in the middle makes
 * the parts after it decode again, once. A value must be immutable (it is handed out again) and depend on nothing but
 * its part's type and payload and the run's context, which is compared with {@code equals}: a run in another context
 * decodes everything. Values may be null (a part the caller skips).
 *
 * <p><b>Memory.</b> The memo keeps the last run's payloads, up to {@code maxBytes}; parts beyond that are decoded
 * every time. Two sets of arrays are kept and used in turn, so a steady run allocates nothing.
 *
 * <p><b>Threads.</b> Safe for many: a run takes the memo for itself, so a run started meanwhile starts from nothing
 * (and decodes everything); the last run to finish leaves its parts. A {@link Run} itself is for one thread.
 */
public final class DumpMemo<T> {
  private final int maxBytes;
  private final AtomicReference<Parts> last = new AtomicReference<>();
  private volatile int lastCount; // parts of the last whole run, kept or not

  /** A memo that keeps at most {@code maxBytes} bytes of payload (0: it keeps nothing and every part is decoded). */
  public DumpMemo(int maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: at least 0)");
    }
    this.maxBytes = maxBytes;
  }

  /** Starts a run of the dump in {@code context} (what the values depend on besides their parts; not null). */
  public Run<T> start(Object context) {
    Objects.requireNonNull(context, "context");
    return new Run<>(this, context, last.getAndSet(null));
  }

  /** One run's parts: payloads back to back in {@code bytes}, part i ending at {@code ends[i]}. */
  private static final class Parts {
    final Object context;
    final byte[] bytes;
    final int[] ends;
    final int[] types;
    final Object[] values;
    final int count;
    final Parts spare; // the arrays of the run before, to fill next (its context and count mean nothing)

    Parts(Object context, byte[] bytes, int[] ends, int[] types, Object[] values, int count, Parts spare) {
      this.context = context;
      this.bytes = bytes;
      this.ends = ends;
      this.types = types;
      this.values = values;
      this.count = count;
      this.spare = spare;
    }

    int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }
  }

  /** One reading of the dump: {@link #value} for each part in order, then {@link #finish()} if the whole was read. */
  public static final class Run<T> implements AutoCloseable {
    private final DumpMemo<T> memo;
    private final Object context;
    private final Parts taken; // what this run took from the memo, to give back if it does not finish
    private final Parts previous; // taken, if it was made in this context: the parts to compare with
    // While every part so far is previous's part at the same position, previous's arrays describe this run too and
    // nothing is copied; the first other part makes this run's own arrays (filling taken's spare ones).
    private boolean same;
    private byte[] bytes;
    private int[] ends;
    private int[] types;
    private Object[] values;
    private int count;
    private int seen; // parts given to value, kept or not
    private int length; // bytes used
    private boolean recording;
    private boolean closed;

    private Run(DumpMemo<T> memo, Object context, Parts taken) {
      this.memo = memo;
      this.context = context;
      this.taken = taken;
      this.previous = taken != null && taken.context.equals(context) ? taken : null;
      this.same = previous != null;
      this.recording = memo.maxBytes > 0;
    }

    /**
     * The value of {@code part}: the last run's value for the same position if the part is the same, else
     * {@code decode}'s (which may throw; the run is then over).
     */
    @SuppressWarnings("unchecked")
    public T value(ReceivedMessage part, Function<? super ReceivedMessage, ? extends T> decode) {
      if (closed) {
        throw new IllegalStateException("the run is over");
      }
      seen++;
      if (!recording) {
        return decode.apply(part);
      }
      int i = count;
      int type = part.type();
      boolean samePart = previous != null && i < previous.count && previous.types[i] == type
          && part.payloadEquals(previous.bytes, previous.start(i), previous.ends[i]);
      if (same && samePart) {
        count = i + 1;
        length = previous.ends[i];
        return (T) previous.values[i];
      }
      T value = samePart ? (T) previous.values[i] : decode.apply(part);
      if (same) {
        ownArrays();
      }
      int size = part.payloadLength();
      if (length + size > memo.maxBytes) {
        recording = false; // a memo that cannot hold the whole dump keeps its first parts only
        return value;
      }
      grow(length + size);
      part.copyPayload(bytes, length);
      types[i] = type;
      values[i] = value;
      length += size;
      ends[i] = length;
      count = i + 1;
      return value;
    }

    /** Leaves previous's arrays: this run's first {@code count} parts (previous's first ones) into arrays of its own. */
    private void ownArrays() {
      same = false;
      grow(length);
      System.arraycopy(previous.bytes, 0, bytes, 0, length);
      System.arraycopy(previous.ends, 0, ends, 0, count);
      System.arraycopy(previous.types, 0, types, 0, count);
      System.arraycopy(previous.values, 0, values, 0, count);
    }

    /** Room for bytes up to {@code byteEnd} (never beyond the cap) and for part {@code count}: doubled as needed. */
    private void grow(int byteEnd) {
      if (bytes == null) { // the arrays of the run before last, if there was one, else new ones
        Parts fill = taken == null ? null : taken.spare;
        bytes = fill != null ? fill.bytes : new byte[0];
        ends = fill != null ? fill.ends : new int[0];
        types = fill != null ? fill.types : new int[0];
        values = fill != null ? fill.values : new Object[0];
      }
      if (byteEnd > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(memo.maxBytes, Math.max(byteEnd, 2 * bytes.length)));
      }
      if (count >= ends.length) {
        int n = Math.max(16, 2 * count);
        ends = Arrays.copyOf(ends, n);
        types = Arrays.copyOf(types, n);
        values = Arrays.copyOf(values, n);
      }
    }

    /**
     * How many parts the last whole run had (in any context, kept by the memo or not; 0 before the first): the size
     * to give the list the values go into, so that a table of thousands is not copied a dozen times as it grows.
     */
    public int lastCount() {
      return memo.lastCount;
    }

    /** The whole dump was read: the memo keeps this run's parts for the next run. */
    public void finish() {
      if (closed) {
        throw new IllegalStateException("the run is over");
      }
      closed = true;
      memo.lastCount = seen;
      if (same) { // previous's parts, perhaps fewer of them
        Arrays.fill(previous.values, count, previous.count, null);
        memo.last.set(count == previous.count ? previous
            : new Parts(context, previous.bytes, previous.ends, previous.types, previous.values, count, previous.spare));
        return;
      }
      if (bytes == null) { // nothing recorded: no part, or none fitted
        memo.last.set(null);
        return;
      }
      Arrays.fill(values, count, values.length, null); // no stale value kept alive by arrays to be filled again
      Parts spare = taken == null ? null : new Parts(null, taken.bytes, taken.ends, taken.types, taken.values, 0, null);
      memo.last.set(new Parts(context, bytes, ends, types, values, count, spare));
    }

    /** Ends the run; one that did not {@link #finish()} gives back what it took, unless another run finished since. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        memo.last.compareAndSet(null, taken);
      }
    }
  }
}
