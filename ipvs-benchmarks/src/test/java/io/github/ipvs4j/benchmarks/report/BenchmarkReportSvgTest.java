package io.github.ipvs4j.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@link SvgPlot}: which groups get a plot, and that each is well-formed SVG with one line per tool. */
class BenchmarkReportSvgTest {
  private static final String SVG = "http://www.w3.org/2000/svg";

  private static Aggregate median(String benchmark, String tool, int services, int destinations, double ns) {
    return new Aggregate(benchmark, tool, services, destinations, "ns", List.of(ns), ns, ns, ns);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document doc, String element) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG, element);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void oneWellFormedPlotPerBenchmarkAndDestinationsWithTwoServiceCounts() throws Exception {
    List<SvgPlot.Plot> plots =
        SvgPlot.plots(
            List.of(
                median("apply", "ipvs4j", 100, 10, 2_000_000),
                median("apply", "ipvsadm", 100, 10, 15_000_000),
                median("apply", "floor", 100, 10, 1_500_000),
                median("apply", "ipvs4j", 10000, 10, 150_000_000),
                median("apply", "ipvsadm", 10000, 10, 900_000_000),
                median("apply", "floor", 10000, 10, 120_000_000),
                median("apply", "ipvs4j", 1000, 1, 9_000_000), // one service count: no plot for m1
                new Aggregate("memory", "ipvs4j", 100, 10, "bytes", List.of(1e6), 1e6, 1e6, 1e6),
                new Aggregate("memory", "ipvs4j", 1000, 10, "bytes", List.of(1e7), 1e7, 1e7, 1e7),
                median("nlctrl-roundtrip", "ipvs4j", 10, 0, 40_000),
                median("nlctrl-roundtrip", "ipvs4j", 1000, 0, 3_000_000)));
    assertThat(plots).extracting(SvgPlot.Plot::fileName).containsExactly("apply-m10.svg", "nlctrl-roundtrip-m0.svg");

    Document doc = parse(plots.get(0).svg());
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("width")).isEqualTo("640");
    assertThat(root.getAttribute("height")).isEqualTo("400");
    NodeList polylines = doc.getElementsByTagNameNS(SVG, "polyline");
    assertThat(polylines.getLength()).isEqualTo(3);
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < polylines.getLength(); i++) {
      Element line = (Element) polylines.item(i);
      assertThat(line.getAttribute("points").split(" ", -1)).hasSize(2);
      colours.add(line.getAttribute("stroke"));
    }
    assertThat(colours).doesNotHaveDuplicates();
    List<String> texts = texts(doc, "text");
    assertThat(texts)
        .contains(
            "apply, 10 destinations per service",
            "services (log scale)",
            "median time, ms (log scale)",
            "ipvs4j",
            "ipvsadm",
            "floor")
        // decades: 100 to 10k services, 1 ms to 1000 ms
        .contains("100", "1k", "10k", "1", "10", "1k")
        .doesNotContain("0.1");

    List<String> small = texts(parse(plots.get(1).svg()), "text");
    assertThat(small).contains("nlctrl-roundtrip", "0.01", "0.1", "1", "10");
  }

  @Test
  void textIsEscaped() throws Exception {
    String svg =
        SvgPlot.render(
            "odd <bench> & \"quotes\"",
            1,
            List.of(
                new SvgPlot.Series("a<b & 'c'", List.of(new SvgPlot.Point(1, 1), new SvgPlot.Point(10, 100))),
                new SvgPlot.Series("only one point", List.of(new SvgPlot.Point(5, 0.5)))));
    Document doc = parse(svg);
    assertThat(texts(doc, "text")).contains("odd <bench> & \"quotes\", 1 destination per service", "a<b & 'c'");
    assertThat(doc.getElementsByTagNameNS(SVG, "polyline").getLength()).isEqualTo(2);
    assertThat(SvgPlot.fileName("odd <bench> & \"quotes\"", 1)).isEqualTo("odd__bench_____quotes_-m1.svg");
  }

  @Test
  void decadeLabelsAndColours() {
    assertThat(List.of(-3, -1, 0, 1, 2, 3, 4, 5, 6, 9))
        .extracting(SvgPlot::decadeLabel)
        .containsExactly("0.001", "0.1", "1", "10", "100", "1k", "10k", "100k", "1M", "1G");
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      colours.add(SvgPlot.colour(i));
    }
    assertThat(colours).doesNotHaveDuplicates().allMatch(c -> c.matches("#[0-9A-F]{6}"));
  }
}
