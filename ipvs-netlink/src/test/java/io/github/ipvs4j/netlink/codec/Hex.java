package io.github.ipvs4j.netlink.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Hex helpers for tests. */
public final class Hex {
  private Hex() {}

  /** Bytes from hex, ignoring spaces, newlines and {@code #} comments. */
  static byte[] bytes(String hex) {
    String clean =
        hex.lines().map(l -> l.replaceAll("#.*", "")).collect(Collectors.joining()).replaceAll("\\s", "");
    return ByteBufUtil.decodeHexDump(clean);
  }

  /** A golden file from {@code src/test/resources/golden}. */
  public static byte[] golden(String name) {
    try {
      return bytes(Files.readString(Path.of("src/test/resources/golden", name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An unpooled heap buffer over {@code bytes} (no release needed). */
  public static ByteBuf wrap(byte[] bytes) {
    return Unpooled.wrappedBuffer(bytes);
  }

  static String of(ByteBuf buf) {
    return ByteBufUtil.hexDump(buf);
  }
}
