package io.github.ipvs4j.benchmarks.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Line plots of median time against services, both on log10 scales, one line per tool: one plot for each benchmark
 * and destination count measured in {@code ns} at two or more service counts. Hand-written SVG 1.1.
 */
public final class SvgPlot {
  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  // The plot area; the legend goes to its right.
  private static final int LEFT = 70;
  private static final int RIGHT = 490;
  private static final int TOP = 40;
  private static final int BOTTOM = 345;
  private static final double NS_PER_MS = 1e6;
  // Okabe-Ito: told apart also with colour-blindness; yellow last, it is faint on white.
  private static final List<String> PALETTE =
      List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");

  /** One measured size: services and the median time in ms. */
  public record Point(int services, double ms) {}

  /** One tool's line, its points in services order. */
  public record Series(String tool, List<Point> points) {
    /** Copies {@code points}. */
    public Series {
      points = List.copyOf(points);
    }
  }

  /** A plot and the file name it is written under. */
  public record Plot(String benchmark, int destinations, String fileName, String svg) {}

  private record Group(String benchmark, int destinations) {}

  private SvgPlot() {}

  /**
   * The plots of {@code aggregates}, in the order their benchmarks first appear. Sizes of 0 services (not applicable)
   * and medians of 0 have no place on a log scale and are left out.
   */
  public static List<Plot> plots(List<Aggregate> aggregates) {
    Map<Group, Map<String, List<Point>>> groups = new LinkedHashMap<>();
    for (Aggregate a : aggregates) {
      if (a.unit().equals("ns") && a.services() > 0 && a.median() > 0) {
        groups
            .computeIfAbsent(new Group(a.benchmark(), a.destinations()), g -> new LinkedHashMap<>())
            .computeIfAbsent(a.tool(), t -> new ArrayList<>())
            .add(new Point(a.services(), a.median() / NS_PER_MS));
      }
    }
    List<Plot> plots = new ArrayList<>();
    groups.forEach(
        (group, byTool) -> {
          long sizes = byTool.values().stream().flatMap(List::stream).mapToInt(Point::services).distinct().count();
          if (sizes < 2) {
            return;
          }
          List<Series> series = new ArrayList<>();
          byTool.forEach(
              (tool, points) -> {
                List<Point> sorted = new ArrayList<>(points);
                sorted.sort(Comparator.comparingInt(Point::services));
                series.add(new Series(tool, sorted));
              });
          plots.add(
              new Plot(
                  group.benchmark(),
                  group.destinations(),
                  fileName(group.benchmark(), group.destinations()),
                  render(group.benchmark(), group.destinations(), series)));
        });
    return List.copyOf(plots);
  }

  /** {@code BENCHMARK-mDESTINATIONS.svg}, with any character unsafe in a file name or URL replaced by {@code _}. */
  public static String fileName(String benchmark, int destinations) {
    return benchmark.replaceAll("[^A-Za-z0-9._-]", "_") + "-m" + destinations + ".svg";
  }

  /** The title: "apply, 10 destinations per service", or the bare name where destinations do not apply (0). */
  public static String title(String benchmark, int destinations) {
    if (destinations == 0) {
      return benchmark;
    }
    return benchmark + ", " + destinations + (destinations == 1 ? " destination" : " destinations") + " per service";
  }

  /** The SVG document of one plot; every series needs at least one point, all positive. */
  public static String render(String benchmark, int destinations, List<Series> series) {
    List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
    if (all.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot for " + benchmark);
    }
    Scale x =
        Scale.of(
            all.stream().mapToDouble(Point::services).min().orElseThrow(),
            all.stream().mapToDouble(Point::services).max().orElseThrow(),
            LEFT,
            RIGHT);
    Scale y =
        Scale.of(
            all.stream().mapToDouble(Point::ms).min().orElseThrow(),
            all.stream().mapToDouble(Point::ms).max().orElseThrow(),
            BOTTOM,
            TOP);
    String title = title(benchmark, destinations);
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                    + " font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT))
        .append("<title>").append(escape(title)).append("</title>\n")
        // opaque, so that the plot reads on a dark page too
        .append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT))
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">%s</text>\n",
                (LEFT + RIGHT) / 2,
                escape(title)));
    grid(svg, x, y);
    svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444444\"/>\n",
                LEFT,
                TOP,
                RIGHT - LEFT,
                BOTTOM - TOP))
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">services (log scale)</text>\n",
                (LEFT + RIGHT) / 2,
                HEIGHT - 14))
        .append(
            String.format(
                Locale.ROOT,
                "<text transform=\"rotate(-90)\" x=\"%d\" y=\"18\" text-anchor=\"middle\">"
                    + "median time, ms (log scale)</text>\n",
                -(TOP + BOTTOM) / 2));
    for (int i = 0; i < series.size(); i++) {
      line(svg, series.get(i), colour(i), x, y);
      legend(svg, series.get(i).tool(), colour(i), i);
    }
    return svg.append("</svg>\n").toString();
  }

  /** A log10 axis over whole decades, mapped onto pixels {@code from} (low values) to {@code to}. */
  private record Scale(int low, int high, int from, int to) {
    static Scale of(double min, double max, int from, int to) {
      int low = (int) Math.floor(Math.log10(min));
      int high = (int) Math.ceil(Math.log10(max));
      return new Scale(low, Math.max(high, low + 1), from, to); // one value still gets one decade
    }

    double pixel(double value) {
      return from + (Math.log10(value) - low) / (high - low) * (to - from);
    }
  }

  private static void grid(StringBuilder svg, Scale x, Scale y) {
    // the faint lines at 2..9 times each decade first, so that the decade lines are drawn over them
    for (int decade = x.low(); decade < x.high(); decade++) {
      for (int m = 2; m <= 9; m++) {
        verticalLine(svg, x.pixel(m * Math.pow(10, decade)), "#eeeeee");
      }
    }
    for (int decade = y.low(); decade < y.high(); decade++) {
      for (int m = 2; m <= 9; m++) {
        horizontalLine(svg, y.pixel(m * Math.pow(10, decade)), "#eeeeee");
      }
    }
    for (int decade = x.low(); decade <= x.high(); decade++) {
      double px = x.pixel(Math.pow(10, decade));
      verticalLine(svg, px, "#cccccc");
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              px,
              BOTTOM + 16,
              decadeLabel(decade)));
    }
    for (int decade = y.low(); decade <= y.high(); decade++) {
      double py = y.pixel(Math.pow(10, decade));
      horizontalLine(svg, py, "#cccccc");
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT - 6,
              py + 4,
              decadeLabel(decade)));
    }
  }

  private static void verticalLine(StringBuilder svg, double px, String colour) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
            px,
            TOP,
            px,
            BOTTOM,
            colour));
  }

  private static void horizontalLine(StringBuilder svg, double py, String colour) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>\n",
            LEFT,
            py,
            RIGHT,
            py,
            colour));
  }

  private static void line(StringBuilder svg, Series series, String colour, Scale x, Scale y) {
    StringBuilder points = new StringBuilder();
    for (Point p : series.points()) {
      if (points.length() > 0) {
        points.append(' ');
      }
      points.append(String.format(Locale.ROOT, "%.1f,%.1f", x.pixel(p.services()), y.pixel(p.ms())));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
            colour,
            points));
    for (Point p : series.points()) {
      // a tooltip with the exact figure
      String tip =
          String.format(
              Locale.ROOT,
              "%s: %d services, %s",
              series.tool(),
              p.services(),
              UnitFormat.format(p.ms() * NS_PER_MS, "ns"));
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>\n",
              x.pixel(p.services()),
              y.pixel(p.ms()),
              colour,
              escape(tip)));
    }
  }

  private static void legend(StringBuilder svg, String tool, String colour, int index) {
    int left = RIGHT + 15;
    int y = TOP + 10 + 20 * index;
    svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                left,
                y,
                left + 24,
                y,
                colour))
        .append(
            String.format(
                Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>\n", left + 12, y, colour))
        .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + 30, y + 4, escape(tool)));
  }

  /** The palette's colours, then hues spread by the golden angle, so that any number of tools differ. */
  static String colour(int index) {
    if (index < PALETTE.size()) {
      return PALETTE.get(index);
    }
    double hue = (index - PALETTE.size()) * 137.508 % 360;
    return hsvToHex(hue, 0.75, 0.7);
  }

  private static String hsvToHex(double hue, double saturation, double value) {
    double c = value * saturation;
    double h = hue / 60;
    double x = c * (1 - Math.abs(h % 2 - 1));
    double[] rgb =
        switch ((int) h) {
          case 0 -> new double[] {c, x, 0};
          case 1 -> new double[] {x, c, 0};
          case 2 -> new double[] {0, c, x};
          case 3 -> new double[] {0, x, c};
          case 4 -> new double[] {x, 0, c};
          default -> new double[] {c, 0, x};
        };
    double m = value - c;
    return String.format(
        Locale.ROOT,
        "#%02X%02X%02X",
        Math.round((rgb[0] + m) * 255),
        Math.round((rgb[1] + m) * 255),
        Math.round((rgb[2] + m) * 255));
  }

  /** 10^decade as a tick label: 0.01, 0.1, 1, 10, 100, 1k, 10k, 100k, 1M ... */
  static String decadeLabel(int decade) {
    if (decade < 0) {
      return BigDecimal.ONE.scaleByPowerOfTen(decade).toPlainString();
    }
    String[] suffixes = {"", "k", "M", "G", "T"};
    int group = Math.min(decade / 3, suffixes.length - 1);
    return "1" + "0".repeat(decade - 3 * group) + suffixes[group];
  }

  /** {@code text} as XML character data or attribute value; characters XML 1.0 cannot hold become '?'. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(storable(c) ? c : '?');
      }
    }
    return out.toString();
  }

  private static boolean storable(char c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  }
}
