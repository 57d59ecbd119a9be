package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidValueException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The handle {@link LvsRecipe#apply} returns: exactly the changes it made, in order, each with what it takes to undo
 * it. {@link LvsRecipe#revert} undoes them in reverse order. The handle is a value: it can be written as a few lines
 * of text ({@link #toText()}) and read back ({@link #parse}), so a stop script in another process can revert.
 *
 * <pre>{@code
 * AppliedRecipe handle = LvsRecipe.drRealServer(List.of(Vip.literal("192.0.2.10"))).apply(host);
 * Files.writeString(Path.of("/run/lvs-rs.state"), handle.toText());
 * // later, maybe in another process:
 * LvsRecipe.revert(host, AppliedRecipe.parse(Files.readString(Path.of("/run/lvs-rs.state"))));
 * }</pre>
 *
 * <p>The text form, one change a line (values percent-encoded, each after {@code '='}):
 * <pre>
 * ipvs4j-applied-recipe 1 dr-real-server
 * sysctl net/ipv4/conf/all/arp_ignore =0 =1
 * vip 192.0.2.10 lo lo:0
 * link-created tunl0 ipip
 * link-up tunl0
 * </pre>
 *
 * @param recipe the recipe's name
 * @param changes the changes made, in the order they were made
 */
public record AppliedRecipe(String recipe, List<HostChange> changes) {
  private static final String MAGIC = "ipvs4j-applied-recipe";

  /** Checks the name (one word) and freezes the list. */
  public AppliedRecipe {
    Objects.requireNonNull(recipe, "recipe");
    if (recipe.isEmpty() || !recipe.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
      throw new InvalidValueException("recipe", "'" + recipe + "'", "one word of printable ASCII");
    }
    changes = List.copyOf(changes);
  }

  /** Whether applying changed nothing (the host already was as the recipe wants). */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The handle as text; {@link #parse} reads it back to an equal handle. */
  public String toText() {
    StringBuilder out = new StringBuilder(MAGIC).append(" 1 ").append(recipe).append('\n');
    for (HostChange c : changes) {
      if (c instanceof HostChange.SysctlSet s) {
        out.append("sysctl ").append(s.key().path()).append(" =").append(encode(s.oldValue())).append(" =")
            .append(encode(s.newValue()));
      } else if (c instanceof HostChange.VipAdded v) {
        out.append("vip ").append(v.vip().address().getHostAddress()).append(' ').append(v.vip().device());
        v.vip().label().ifPresent(l -> out.append(' ').append(l));
      } else if (c instanceof HostChange.LinkCreated l) {
        out.append("link-created ").append(l.name()).append(' ').append(l.kind());
      } else if (c instanceof HostChange.LinkUp l) {
        out.append("link-up ").append(l.name());
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Reads a handle written by {@link #toText()}.
   *
   * @throws InvalidValueException naming the line that does not parse
   */
  public static AppliedRecipe parse(String text) {
    String[] lines = text.split("\n");
    String[] head = lines.length == 0 ? new String[0] : lines[0].split(" ");
    if (head.length != 3 || !head[0].equals(MAGIC) || !head[1].equals("1")) {
      throw new InvalidValueException("line 1", "'" + (lines.length == 0 ? "" : lines[0]) + "'",
          MAGIC + " 1 NAME");
    }
    List<HostChange> changes = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      String[] t = line.split(" ");
      try {
        HostChange c = switch (t[0]) {
          case "sysctl" -> {
            expect(t, 4, line);
            yield new HostChange.SysctlSet(new SysctlKey(t[1]), decode(t[2]), decode(t[3]));
          }
          case "vip" -> {
            if (t.length != 3 && t.length != 4) {
              throw new IllegalArgumentException("vip ADDRESS DEVICE [LABEL]");
            }
            Vip v = Vip.of(t[1], t[2]);
            yield new HostChange.VipAdded(t.length == 4 ? v.withLabel(t[3]) : v);
          }
          case "link-created" -> {
            expect(t, 3, line);
            yield new HostChange.LinkCreated(t[1], t[2]);
          }
          case "link-up" -> {
            expect(t, 2, line);
            yield new HostChange.LinkUp(t[1]);
          }
          default -> throw new IllegalArgumentException("sysctl, vip, link-created or link-up");
        };
        changes.add(c);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException("line " + (i + 1), "'" + line + "'", e.getMessage());
      } catch (InvalidValueException e) {
        throw new InvalidValueException("line " + (i + 1), "'" + line + "'", e.getMessage());
      }
    }
    return new AppliedRecipe(head[2], changes);
  }

  private static void expect(String[] t, int n, String line) {
    if (t.length != n) {
      throw new IllegalArgumentException(n + " words");
    }
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c <= ' ' || c == '%' || c == '=' || c >= 0x7F) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private static String decode(String token) {
    if (!token.startsWith("=")) {
      throw new IllegalArgumentException("a value written as =TEXT");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '%') {
        if (i + 2 >= token.length()) {
          throw new IllegalArgumentException("%XX escapes");
        }
        int hi = Character.digit(token.charAt(i + 1), 16);
        int lo = Character.digit(token.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("%XX escapes");
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
