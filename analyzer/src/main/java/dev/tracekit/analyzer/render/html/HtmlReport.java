package dev.tracekit.analyzer.render.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, and nothing fetched
 * from anywhere (the page is opened from disk on machines that may have no network, and a report about
 * hostile input must not be able to phone home). Every string from the data is escaped on the way in.
 */
public final class HtmlReport {
    /** A figure shown large under the title; {@code warning} marks one that says data is missing. */
    public record KeyFigure(String label, String value, boolean warning) {
    }

    /** @param facts lines under the title: hosts, time span, kernels */
    public record Heading(String title, List<String> facts, List<KeyFigure> figures) {
    }

    /**
     * @param lead a sentence under the heading saying how to read the section, or null
     * @param wide charts and tables take the page's width each, instead of sharing rows two by two
     */
    public record Section(String id, String title, String lead, List<Chart> charts, List<HtmlTable> tables,
            boolean wide) {
    }

    private static final String STYLE = style();

    private final Heading heading;
    private final List<Section> sections;

    public HtmlReport(Heading heading, List<Section> sections) {
        this.heading = heading;
        this.sections = List.copyOf(sections);
    }

    public void write(PrintWriter out) {
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Belt and braces: even if something slipped through escaping, the browser would load and run nothing.
        out.print("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.print("<title>" + Html.escape(heading.title()) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        header(out);
        out.print("<main>\n");
        sections.forEach(section -> section(out, section));
        out.print("</main>\n<footer>Written by tracekit report. All times UTC.</footer>\n</body>\n</html>\n");
        out.flush();
    }

    private void header(PrintWriter out) {
        out.print("<header>\n<h1>" + Html.escape(heading.title()) + "</h1>\n");
        for (String fact : heading.facts()) {
            out.print("<p class=\"fact\">" + Html.escape(fact) + "</p>\n");
        }
        out.print("<dl class=\"figures\">\n");
        for (KeyFigure figure : heading.figures()) {
            out.print("<div" + (figure.warning() ? " class=\"warning\"" : "") + "><dt>" + Html.escape(figure.label())
                    + "</dt><dd>" + Html.escape(figure.value()) + "</dd></div>\n");
        }
        out.print("</dl>\n</header>\n");
    }

    private static void section(PrintWriter out, Section section) {
        out.print("<section id=\"" + Html.escape(section.id()) + "\">\n<h2>" + Html.escape(section.title()) + "</h2>\n");
        if (section.lead() != null) {
            out.print("<p class=\"lead\">" + Html.escape(section.lead()) + "</p>\n");
        }
        out.print("<div class=\"" + (section.wide() ? "stack" : "grid") + "\">\n");
        for (Chart chart : section.charts()) {
            out.print("<figure class=\"card\">\n<figcaption>" + Html.escape(chart.title()) + "</figcaption>\n");
            out.print(switch (chart) {
                case BarChart bars -> SvgBarChart.svg(bars);
                case TimeSeriesChart series -> SvgTimeSeriesChart.svg(series);
            });
            out.print("</figure>\n");
        }
        for (HtmlTable table : section.tables()) {
            table(out, table);
        }
        out.print("</div>\n</section>\n");
    }

    private static void table(PrintWriter out, HtmlTable table) {
        out.print("<div class=\"card table\">\n<table>\n");
        if (table.title() != null) {
            out.print("<caption>" + Html.escape(table.title()) + "</caption>\n");
        }
        out.print("<thead><tr>");
        for (int i = 0; i < table.headers().size(); i++) {
            out.print(cell("th", table, i, table.headers().get(i)));
        }
        out.print("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.print("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.print(cell("td", table, i, row.get(i)));
            }
            out.print("</tr>\n");
        }
        if (table.rows().isEmpty()) {
            out.print("<tr><td class=\"empty\" colspan=\"" + table.headers().size() + "\">(none)</td></tr>\n");
        }
        out.print("</tbody>\n</table>\n");
        for (String note : table.notes()) {
            out.print("<p class=\"note\">" + Html.escape(note) + "</p>\n");
        }
        out.print("</div>\n");
    }

    private static String cell(String tag, HtmlTable table, int column, String text) {
        return "<" + tag + (table.rightAligned().get(column) ? " class=\"num\"" : "") + ">" + Html.escape(text)
                + "</" + tag + ">";
    }

    private static String style() {
        try (InputStream css = HtmlReport.class.getResourceAsStream("report.css")) {
            if (css == null) {
                throw new IllegalStateException("report.css missing from the analyzer jar");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
