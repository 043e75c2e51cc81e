package io.orderflow.bench;

import java.util.List;
import java.util.Locale;

/**
 * The table's ratios as an SVG chart: a bar per row from the 1.0 line to its ratio, on a log scale from 0.001× to
 * 100×, so a ratio of 0.01 and one of 100 stand as far from 1.0 as each other.
 */
final class RatioChart {

    static final double LOWEST = 0.001;
    static final double HIGHEST = 100;
    static final int BAR_HEIGHT = 22;
    static final int LABEL_WIDTH = 620;
    static final double PIXELS_PER_DECADE = 80;
    /** Where the 1.0 line stands: three decades right of the lowest ratio. */
    static final double ONE = LABEL_WIDTH - Math.log10(LOWEST) * PIXELS_PER_DECADE;

    private RatioChart() {}

    static String svg(List<ResultsTable.Row> rows) {
        double width = ONE + Math.log10(HIGHEST) * PIXELS_PER_DECADE + 70;
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<text x=\"10\" y=\"20\" font-size=\"14\">OrderFlow benchmark: each figure"
                        + " as a ratio to its baseline (log scale, 0.001× to 100×)</text>%n",
                width,
                rows.size() * BAR_HEIGHT + 60));
        for (int i = 0; i < rows.size(); i++) {
            ResultsTable.Row row = rows.get(i);
            int y = 40 + i * BAR_HEIGHT;
            double end = x(row.ratio());
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"10\" y=\"%d\">%s / %s</text>%n"
                            + "<rect x=\"%.0f\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"%s\"/>%n"
                            + "<text x=\"%.0f\" y=\"%d\">%.3f×</text>%n",
                    y + 15,
                    xml(row.figure()),
                    xml(row.baseline()),
                    Math.min(ONE, end),
                    y + 4,
                    Math.max(1, Math.abs(end - ONE)),
                    BAR_HEIGHT - 8,
                    row.ratio() < 1 ? "#c98a3a" : "#4a7ab8",
                    Math.max(ONE, end) + 4,
                    y + 15,
                    row.ratio()));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.0f\" y1=\"36\" x2=\"%.0f\" y2=\"%d\" stroke=\"#c33\""
                        + " stroke-dasharray=\"4\"/>%n</svg>%n",
                ONE,
                ONE,
                40 + rows.size() * BAR_HEIGHT));
        return svg.toString();
    }

    /** Where a ratio's bar ends, the ratio held within the scale. */
    static double x(double ratio) {
        return ONE + Math.log10(Math.min(HIGHEST, Math.max(LOWEST, ratio))) * PIXELS_PER_DECADE;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
