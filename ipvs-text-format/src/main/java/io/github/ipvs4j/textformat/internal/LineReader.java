package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.textformat.TextFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads text in blocks of whole lines, in bounded memory: one buffer of 64 KiB characters that grows only to hold a
 * longer line, up to {@link #MAX_LINE} characters. It does not look for the line feeds inside a block (the line
 * parser's tokenizer meets them anyway, so a second pass over every character would be wasted); it only finds the
 * last line feed of what it read, from the end. Not API.
 */
public final class LineReader {
  /** The longest line accepted, in characters: 1 MiB. */
  public static final int MAX_LINE = 1 << 20;

  private static final int BLOCK = 1 << 16;

  /** Where characters come from: {@link Reader#read(char[], int, int)}'s contract, -1 at the end. */
  public interface Source {
    int read(char[] into, int offset, int length) throws IOException;
  }

  /** Receives blocks of lines. */
  public interface Sink {
    /**
     * Takes {@code chars[from, to)}: whole lines, each ended by {@code '\n'} (the reader adds one to an input's last
     * line that has none). The first is line {@code firstLine} (counted from 1). Valid only during the call.
     *
     * @return the number of lines the block held
     */
    long lines(char[] chars, int from, int to, long firstLine);
  }

  private LineReader() {}

  /** Reads {@code in} to its end into {@code sink}. */
  public static void read(Reader in, Sink sink) throws IOException {
    read(in::read, BLOCK, sink);
  }

  /** Reads {@code text} into {@code sink}, as {@link #read(Reader, Sink)} would. */
  public static void read(String text, Sink sink) {
    int[] at = {0};
    Source source = (into, offset, length) -> {
      int n = Math.min(length, text.length() - at[0]);
      if (n <= 0) {
        return -1;
      }
      text.getChars(at[0], at[0] + n, into, offset);
      at[0] += n;
      return n;
    };
    try {
      // a short text (one command line) needs no 64 KiB buffer
      read(source, Math.min(BLOCK, text.length() + 1), sink);
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
  }

  private static void read(Source in, int initialSize, Sink sink) throws IOException {
    char[] buf = new char[initialSize];
    int filled = 0; // buf[0, filled) holds the start of a line not yet given
    long line = 1;
    int n;
    while ((n = in.read(buf, filled, buf.length - filled)) >= 0) {
      int end = filled + n;
      int lastLf = end - 1;
      while (lastLf >= filled && buf[lastLf] != '\n') {
        lastLf--;
      }
      if (lastLf < filled) { // no line ends in what was just read, nor before it
        if (end == buf.length) {
          buf = grow(buf, line);
        }
        filled = end;
        continue;
      }
      line += sink.lines(buf, 0, lastLf + 1, line);
      filled = end - (lastLf + 1);
      System.arraycopy(buf, lastLf + 1, buf, 0, filled);
    }
    if (filled > 0) {
      buf[filled] = '\n'; // there is room: a full buffer grows before the next read
      sink.lines(buf, 0, filled + 1, line);
    }
  }

  /** A buffer twice as large, up to room for a line of {@link #MAX_LINE} characters and its line feed. */
  private static char[] grow(char[] buf, long line) {
    if (buf.length > MAX_LINE) {
      throw new TextFormatException(line, MAX_LINE + 1, TextFormatException.END_OF_LINE,
          "a line of at most " + MAX_LINE + " characters");
    }
    return Arrays.copyOf(buf, Math.min(MAX_LINE + 1, Math.max(BLOCK, buf.length * 2)));
  }
}
