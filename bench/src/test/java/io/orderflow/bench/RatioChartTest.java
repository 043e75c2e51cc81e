package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class RatioChartTest {

    @Test
    void drawsABarPerRowFromTheOneLineToItsRatioOnALogScale() throws Exception {
        var rows = List.of(row(10), row(0.1), row(1), row(100));

        Document svg = parse(RatioChart.svg(rows));

        NodeList bars = svg.getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(4);
        // ten times the baseline: a decade to the right of the 1.0 line; a tenth: a decade to its left
        assertBar(bars.item(0), RatioChart.ONE, RatioChart.PIXELS_PER_DECADE);
        assertBar(bars.item(1), RatioChart.ONE - RatioChart.PIXELS_PER_DECADE, RatioChart.PIXELS_PER_DECADE);
        assertBar(bars.item(2), RatioChart.ONE, 1);
        assertBar(bars.item(3), RatioChart.ONE, 2 * RatioChart.PIXELS_PER_DECADE);
        assertThat(((Element) bars.item(0)).getAttribute("fill"))
                .isNotEqualTo(((Element) bars.item(1)).getAttribute("fill"));
        Element line = (Element) svg.getElementsByTagName("line").item(0);
        assertThat(Double.parseDouble(line.getAttribute("x1"))).isCloseTo(RatioChart.ONE, within(0.5));
    }

    @Test
    void holdsRatiosBeyondTheScaleAtItsEnds() {
        assertThat(RatioChart.x(1_000_000)).isEqualTo(RatioChart.x(100));
        assertThat(RatioChart.x(0)).isEqualTo(RatioChart.x(0.001));
        assertThat(RatioChart.x(0.001)).isCloseTo(RatioChart.LABEL_WIDTH, within(0.001));
    }

    @Test
    void escapesTheLabels() throws Exception {
        Document svg = parse(RatioChart.svg(List.of(ResultsTable.Row.of("a < b & c", 1, "<baseline>", 2))));

        assertThat(svg.getElementsByTagName("text").item(1).getTextContent()).isEqualTo("a < b & c / <baseline>");
    }

    private static ResultsTable.Row row(double ratio) {
        return ResultsTable.Row.of("figure", ratio, "baseline", 1);
    }

    private static void assertBar(Node bar, double x, double width) {
        Element rect = (Element) bar;
        assertThat(Double.parseDouble(rect.getAttribute("x"))).isCloseTo(x, within(0.5));
        assertThat(Double.parseDouble(rect.getAttribute("width"))).isCloseTo(width, within(0.5));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
