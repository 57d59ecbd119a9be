package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.textformat.TextFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a {@link Reader} into lines at {@code '\n'} without making a String per line, in bounded memory: one
 * 64 KiB buffer plus one line buffer that grows to the longest line, at most {@link #MAX_LINE} characters. Not API.
 */
public final class LineReader {
  /** The longest line accepted, in characters: 1 MiB. */
  public static final int MAX_LINE = 1 << 20;

  /** Receives lines: {@code chars[offset, offset + length)}, valid only during the call. */
  public interface Sink {
    void line(char[] chars, int offset, int length, long lineNumber);
  }

  /** Where lines come from: a Reader or a String, read into a sink. */
  public interface Source {
    void readInto(Sink sink) throws IOException;
  }

  private LineReader() {}

  /** Reads every line of {@code in} into {@code sink}; a last line without a line feed counts. */
  public static void read(Reader in, Sink sink) throws IOException {
    char[] buf = new char[1 << 16];
    char[] line = new char[256];
    int lineLength = 0;
    long lineNo = 0;
    int n;
    while ((n = in.read(buf, 0, buf.length)) >= 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          lineNo++;
          if (lineLength == 0) {
            sink.line(buf, start, i - start, lineNo);
          } else {
            line = append(line, lineLength, buf, start, i - start, lineNo);
            lineLength += i - start;
            sink.line(line, 0, lineLength, lineNo);
            lineLength = 0;
          }
          start = i + 1;
        }
      }
      if (start < n) {
        line = append(line, lineLength, buf, start, n - start, lineNo + 1);
        lineLength += n - start;
      }
    }
    if (lineLength > 0) {
      sink.line(line, 0, lineLength, lineNo + 1);
    }
  }

  /**
   * Reads every line of {@code text} into {@code sink}, as {@link #read(Reader, Sink)} would. Faster on a String: its
   * line feed search is vectorised by the JDK, and each line is copied once.
   */
  public static void read(String text, Sink sink) {
    char[] line = new char[256];
    long lineNo = 0;
    int from = 0;
    while (from < text.length()) {
      int lf = text.indexOf('\n', from);
      int to = lf < 0 ? text.length() : lf;
      lineNo++;
      line = room(line, to - from, lineNo);
      text.getChars(from, to, line, 0);
      sink.line(line, 0, to - from, lineNo);
      from = to + 1;
    }
  }

  private static char[] append(char[] line, int length, char[] src, int from, int count, long lineNo) {
    line = room(line, length + count, lineNo);
    System.arraycopy(src, from, line, length, count);
    return line;
  }

  /** {@code line}, or a larger copy, with room for {@code needed} characters; refuses more than MAX_LINE. */
  private static char[] room(char[] line, int needed, long lineNo) {
    if (needed > MAX_LINE) {
      throw new TextFormatException(lineNo, MAX_LINE + 1, TextFormatException.END_OF_LINE,
          "a line of at most " + MAX_LINE + " characters");
    }
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.max(needed, Math.min(MAX_LINE, line.length * 2)));
    }
    return line;
  }
}
