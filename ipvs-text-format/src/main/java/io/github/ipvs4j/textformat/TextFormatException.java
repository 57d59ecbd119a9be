package io.github.ipvs4j.textformat;

import io.github.ipvs4j.IpvsException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A line of ipvsadm text that {@link SaveParser} refuses: where (line and column, both from 1), what (the offending
 * token, or {@code "end of line"}) and what would have been accepted there. The message reads like {@code line 3,
 * column 28: "70000" (expected: a weight 0-2147483647)}.
 *
 * <p>It extends {@link IpvsException} so that one {@code catch (IpvsException e)} covers everything ipvs4j throws; it
 * never carries an errno of its own. When ipvsadm would have sent the line and the kernel refused it (a lower
 * threshold above the upper one: ERANGE), {@link #kernelErrno()} names the kernel's errno, so that a tool can answer
 * as ipvsadm does.
 */
public class TextFormatException extends IpvsException {
  private static final long serialVersionUID = 1L;

  /** The token reported when the line ended where something else was expected. */
  public static final String END_OF_LINE = "end of line";

  private final long line;
  private final int column;
  private final String token;
  private final String expected;
  private final int kernelErrno;
  private final String ipvsadmMessage;
  private final int ipvsadmStatus;

  /**
   * A refused line.
   *
   * @param line the line number, from 1
   * @param column the column of the offending token, from 1 (characters; a tab counts one)
   * @param token the offending token, or {@link #END_OF_LINE}
   * @param expected what would have been accepted there
   */
  public TextFormatException(long line, int column, String token, String expected) {
    this(line, column, token, expected, 0);
  }

  /**
   * A refused line that the kernel would refuse too, with errno {@code kernelErrno} (0: not a kernel refusal).
   *
   * @param line the line number, from 1
   * @param column the column of the offending token, from 1
   * @param token the offending token, or {@link #END_OF_LINE}
   * @param expected what would have been accepted there
   * @param kernelErrno the errno the kernel answers for the line as sent by ipvsadm, or 0
   */
  public TextFormatException(long line, int column, String token, String expected, int kernelErrno) {
    this(line, column, token, expected, kernelErrno, null, 2);
  }

  /**
   * A refused line, with what ipvsadm says of it.
   *
   * @param line the line number, from 1
   * @param column the column of the offending token, from 1
   * @param token the offending token, or {@link #END_OF_LINE}
   * @param expected what would have been accepted there
   * @param kernelErrno the errno the kernel answers for the line as sent by ipvsadm, or 0
   * @param ipvsadmMessage what ipvsadm prints on stderr for the line (without the final newline), or null
   * @param ipvsadmStatus ipvsadm's exit status for the line: 2 ({@code fail}) or 255 (an option error)
   */
  public TextFormatException(long line, int column, String token, String expected, int kernelErrno,
      String ipvsadmMessage, int ipvsadmStatus) {
    super(
        "line " + line + ", column " + column + ": "
            + (END_OF_LINE.equals(token) ? token : '"' + token + '"')
            + " (expected: " + expected + ")");
    this.line = line;
    this.column = column;
    this.token = token;
    this.expected = expected;
    this.kernelErrno = kernelErrno;
    this.ipvsadmMessage = ipvsadmMessage;
    this.ipvsadmStatus = ipvsadmStatus;
  }

  /** The line number, from 1. */
  public long line() {
    return line;
  }

  /** The column of the offending token, from 1. */
  public int column() {
    return column;
  }

  /** The offending token, or {@link #END_OF_LINE}. */
  public String token() {
    return token;
  }

  /** What would have been accepted at that place. */
  public String expected() {
    return expected;
  }

  /** The errno the kernel would answer if the line were sent as ipvsadm sends it; empty for other refusals. */
  public OptionalInt kernelErrno() {
    return kernelErrno == 0 ? OptionalInt.empty() : OptionalInt.of(kernelErrno);
  }

  /**
   * What ipvsadm 1.31 prints on stderr for this line, without the final newline, such as {@code "illegal weight
   * specified"} or {@code "-s: missing argument"}; empty where ipvsadm has no message of its own (it crashes, or
   * sends the line and prints the kernel's answer). A tool that stands in for ipvsadm prints this and exits with
   * {@link #ipvsadmStatus()}.
   */
  public Optional<String> ipvsadmMessage() {
    return Optional.ofNullable(ipvsadmMessage);
  }

  /** ipvsadm's exit status for this line: 2 for its {@code fail()}, 255 for an option error or a kernel refusal. */
  public int ipvsadmStatus() {
    return ipvsadmStatus;
  }

  /** Always false: the same text is refused again. */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
