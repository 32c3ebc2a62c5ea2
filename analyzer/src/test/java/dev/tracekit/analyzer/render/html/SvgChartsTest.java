package dev.tracekit.analyzer.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The escaper and the two SVG renderers alone, on small hand-made charts. */
class SvgChartsTest {
    private static final List<BarChart.Part> OK_FAILED = List.of(
            new BarChart.Part("ok", Tone.PRIMARY), new BarChart.Part("failed", Tone.FAILURE));

    @Test
    void escapesForTextAndQuotedAttributes() {
        assertEquals("&lt;a title=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", Html.escape("<a title=\"x\">'&'</a>"));
        assertEquals("plain /etc/hosts ü", Html.escape("plain /etc/hosts ü"));
    }

    @Test
    void barsScaleToTheLargestTotalAndStackTheirParts() {
        String svg = SvgBarChart.svg(new BarChart("t", OK_FAILED, List.of(
                new BarChart.Bar("read", List.of(60L, 40L)),
                new BarChart.Bar("write", List.of(50L, 0L)))));
        assertTrue(svg.contains("class=\"tone-primary\" x=\"220.0\" y=\"2\" width=\"162.0\""), svg);
        assertTrue(svg.contains("class=\"tone-failure\" x=\"382.0\" y=\"2\" width=\"108.0\""), svg);
        assertTrue(svg.contains("class=\"tone-primary\" x=\"220.0\" y=\"26\" width=\"135.0\""), svg);
        assertFalse(svg.contains("y=\"26\" width=\"0"), "an empty part draws nothing");
        assertTrue(svg.contains("<title>read: 60 ok, 40 failed</title>"), svg);
        assertTrue(svg.contains(">100</text>"), "the total at the bar's end");
    }

    @Test
    void longLabelsAreCutButKeptWholeInTheHoverTitle() {
        String path = "/var/lib/postgresql/16/main/base/16384/2619<x>";
        String svg = SvgBarChart.svg(new BarChart("t", List.of(new BarChart.Part("failed", Tone.FAILURE)),
                List.of(new BarChart.Bar(path, List.of(3L)))));
        assertTrue(svg.contains(">/var/lib/p…in/base/16384/2619&lt;x&gt;</text>"), "cut in the middle: " + svg);
        assertTrue(svg.contains("<title>/var/lib/postgresql/16/main/base/16384/2619&lt;x&gt;: 3 failed</title>"), svg);
    }

    /** Paths that differ only at their end stay told apart: the end is what is kept. */
    @Test
    void labelsThatDifferAtTheEndStayDifferent() {
        assertEquals("web-1: /us…C.utf8/LC_MEASUREMENT", SvgBarChart.shortened("web-1: /usr/lib/locale/C.utf8/LC_MEASUREMENT"));
        assertEquals("web-1: /us…ale/C.utf8/LC_ADDRESS", SvgBarChart.shortened("web-1: /usr/lib/locale/C.utf8/LC_ADDRESS"));
        assertEquals("a😀b😀c😀d😀e😀f😀g😀h😀i😀j😀k", SvgBarChart.shortened("a😀b😀c😀d😀e😀f😀g😀h😀i😀j😀k"));
        String emoji = "😀".repeat(30);
        String cut = SvgBarChart.shortened(emoji);
        assertEquals(cut, new String(cut.codePoints().toArray(), 0, cut.codePointCount(0, cut.length())),
                "no half surrogate pair");
        assertTrue(cut.chars().noneMatch(c -> c == 0xfffd) && cut.contains("…"), cut);
    }

    @Test
    void anEmptyChartSaysSo() {
        assertEquals("<p class=\"empty\">(none)</p>\n", SvgBarChart.svg(new BarChart("t", OK_FAILED, List.of())));
    }

    @Test
    void windowsWithLossesAreShaded() {
        String svg = SvgTimeSeriesChart.svg(new TimeSeriesChart("rate", "2026-11-02T09:00:00.000000Z", 1_000_000_000L,
                "calls/s", List.of(
                        new TimeSeriesChart.Point(10, false, false, "a"),
                        new TimeSeriesChart.Point(0, true, false, "b <lost>"),
                        new TimeSeriesChart.Point(20, false, true, "c"),
                        new TimeSeriesChart.Point(15, false, false, "d"))));
        assertTrue(svg.contains("<rect class=\"band lost\" x=\"344.5\""), svg);
        assertTrue(svg.contains("<rect class=\"band lost-other\" x=\"611.0\""), svg);
        assertTrue(svg.contains("<title>b &lt;lost&gt;</title>"), svg);
        assertTrue(svg.contains(">20</text>"), "the y axis ends on a round value at or above the peak");
        assertTrue(svg.contains(">+4 s</text>") && svg.contains("seconds since 2026-11-02T09:00:00.000000Z"), svg);
    }

    @Test
    void gridStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, SvgTimeSeriesChart.niceStep(0.7));
        assertEquals(2, SvgTimeSeriesChart.niceStep(1.3));
        assertEquals(5, SvgTimeSeriesChart.niceStep(3));
        assertEquals(10, SvgTimeSeriesChart.niceStep(7));
        assertEquals(500, SvgTimeSeriesChart.niceStep(230));
        assertEquals(0.05, SvgTimeSeriesChart.niceStep(0.04), 1e-12);
    }
}
