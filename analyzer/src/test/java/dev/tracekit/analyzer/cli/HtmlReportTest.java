package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --html} over the fixtures: every section, escaping of hostile strings, nothing fetched. */
class HtmlReportTest {
    /** The elements the page is built from; a tag outside this set came from the data. */
    private static final Set<String> OUR_TAGS = Set.of("!doctype", "html", "head", "meta", "title", "style", "body",
            "header", "h1", "h2", "p", "dl", "div", "dt", "dd", "main", "section", "figure", "figcaption", "svg", "g",
            "text", "rect", "line", "path", "table", "caption", "thead", "tbody", "tr", "th", "td", "footer");

    @TempDir
    Path dir;

    private String report(String... args) throws IOException {
        Path html = dir.resolve("report.html");
        Files.deleteIfExists(html); // each call writes a new page
        String[] all = new String[args.length + 3];
        all[0] = "report";
        all[1] = "--html";
        all[2] = html.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun run = CliRun.withFixtures(all);
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out(), "the page goes to the file, not stdout");
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    @Test
    void holdsEverySectionOfTheSummaryWithItsChart() throws IOException {
        String page = report("@web");
        for (String section : new String[] {"recordings", "rate", "syscalls", "processes", "opens", "failed-opens",
            "signals"}) {
            assertTrue(page.contains("<section id=\"" + section + "\">"), section);
        }
        for (String caption : new String[] {"<caption>Recordings</caption>", "<caption>Events per family</caption>",
            "<caption>Top syscalls</caption>", "<caption>Top processes</caption>", "<caption>Top opened files</caption>",
            "<caption>Failed opens by errno</caption>", "<caption>Signals sent (sender -&gt; target)</caption>",
            "<figcaption>web-1: syscalls per second</figcaption>", "<figcaption>Top syscalls by calls</figcaption>",
            "<figcaption>Top processes by activity</figcaption>", "<figcaption>Opens per process</figcaption>",
            "<figcaption>Failed opens by path</figcaption>", "<figcaption>Signals: sender → target</figcaption>"}) {
            assertTrue(page.contains(caption), caption);
        }
        assertTrue(page.contains("<h1>tracekit report: web-1</h1>"), "the heading names the host");
        assertTrue(page.contains("2026-11-02T09:00:00.000000Z → 2026-11-02T09:00:10.000000Z"), "and the span in UTC");
        assertTrue(page.contains("<dd>20,000</dd>") && page.contains("<dd>6,013</dd>") && page.contains("<dd>1,575</dd>"),
                "headline figures with thousands separators");
        assertTrue(page.contains("<td class=\"num\">99.88%</td>"), "completeness of opens");
        assertTrue(page.contains("web-1 lost 7 opens events (99.88% complete): figures may be low"), "loss note");
    }

    /** A recording's procs are read, not only counted by the recorder: MATCHED equals RECORDED. */
    @Test
    void countsProcsAmongTheFamilies() throws IOException {
        String page = report("@ci");
        assertTrue(page.contains("procs</td><td class=\"num\">18</td><td class=\"num\">3</td>"
                + "<td class=\"num\">85.71%</td><td class=\"num\">18</td>"), page);
    }

    @Test
    void marksTheWindowWithLostEvents() throws IOException {
        String page = report("@web");
        assertEquals(1, count(page, "<rect class=\"band lost-other\""), "interval 4 lost opens and kills");
        assertEquals(0, count(page, "<rect class=\"band lost\""), "counts, the syscall source, lost nothing");
        assertTrue(page.contains("7 opens/signals lost") || page.contains("9 opens/signals lost"), page);
        String fromEvents = report("@web", "-t", "2353");
        assertEquals(1, count(fromEvents, "<rect class=\"band lost\""), "per-event records lost 120 in interval 7");
    }

    @Test
    void chartsShowTheFixturesKnownFigures() throws IOException {
        String page = report("@web");
        assertTrue(page.contains("<title>systemd (1) → 2350 0: 1,500 sent, 0 failed</title>"),
                "1,500 kill(2350, 0) liveness probes by systemd");
        assertTrue(page.contains("<td>EACCES</td>") || page.contains(">EACCES<"), "failed opens by errno");
    }

    @Test
    void eachTitleOnceAndEveryHostInTheTopCharts() throws IOException {
        String page = report("@web", "@db");
        assertEquals(1, count(page, "Failed opens by errno"), "the table; no chart repeats it");
        assertTrue(page.contains("least complete family</dt><dd>99.40%"),
                "web-1's syscall-events, not read (its counts answer), are not taken for unreadable");
        for (String chart : List.of("Top syscalls by calls", "Top processes by activity", "Opens per process",
                "Failed opens by path")) {
            int at = page.indexOf(chart);
            String svg = page.substring(at, page.indexOf("</svg>", at));
            assertTrue(svg.contains(">web-1: ") && svg.contains(">db-1: "), chart + " covers both hosts: " + svg);
        }
    }

    @Test
    void escapesEveryStringFromTheData() throws IOException {
        String page = report("@web", "--limit", "100000");
        assertFalse(page.contains("<script"), "no script element at all: the page has none of its own");
        assertTrue(page.contains("/srv/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;q&#39;&amp;.html"),
                "the hostile path shows as text");
        assertFalse(page.contains("<b>x</b>"));
        assertTrue(page.contains("&lt;b&gt;x&lt;/b&gt; (4300)"), "the hostile comm shows as text, in a chart label too");
        assertTrue(page.contains("\\xff\\xfebad"), "bytes that are not UTF-8 are shown as escapes");
        assertTrue(page.contains("/tmp/\\x1b]0;pwned\\x07\\x1b[2J"), "terminal escapes are shown, not sent");
        page.chars().forEach(c -> assertTrue(c >= 0x20 && c != 0x7f && c != 0xfffd || c == '\n',
                "control character " + Integer.toHexString(c)));
        Set<String> tags = new TreeSet<>();
        Matcher tag = Pattern.compile("<([!a-zA-Z][a-zA-Z0-9]*)").matcher(page);
        while (tag.find()) {
            tags.add(tag.group(1).toLowerCase(Locale.ROOT));
        }
        assertTrue(OUR_TAGS.containsAll(tags), "tags not ours: " + tags);
    }

    @Test
    void isSelfContained() throws IOException {
        String page = report("@web", "@db").toLowerCase(Locale.ROOT);
        for (String reference : new String[] {"http://", "https://", "//", "src=", "href=", "url(", "@import",
            "<link", "<img", "<iframe", "<object"}) {
            assertFalse(page.contains(reference), reference);
        }
        assertTrue(page.contains("content-security-policy\" content=\"default-src 'none'"), "and loads nothing if it tried");
    }

    @Test
    void severalHostsAreNamed() throws IOException {
        String page = report("@web", "@db");
        assertTrue(page.contains("<h1>tracekit report: db-1, web-1</h1>"));
        assertTrue(page.contains("<figcaption>db-1: syscalls per second</figcaption>"));
        assertTrue(page.contains(">db-1: ppoll</text>"), "bars say which host they are from");
    }

    @Test
    void aMissingDirectoryIsOneLineAndExitTwo() {
        CliRun run = CliRun.withFixtures("report", "--html", "/no/such/dir/report.html", "@web");
        assertEquals(2, run.status());
        assertEquals("tracekit: --html /no/such/dir/report.html: no such directory /no/such/dir\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aDirectoryAsTheFileIsOneLineAndExitTwo() {
        CliRun run = CliRun.withFixtures("report", "--html", dir.toString(), "@web");
        assertEquals(2, run.status());
        assertEquals("tracekit: --html " + dir + ": is a directory\n", run.err());
    }

    @Test
    void theFileIsRequired() {
        CliRun run = CliRun.withFixtures("report", "@web");
        assertEquals(2, run.status());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("Missing required option: '--html=FILE'"), run.err());
    }

    @Test
    void aTruncatedRecordingStillGivesAReportAndExitOne() {
        Path html = dir.resolve("partial.html");
        CliRun run = CliRun.withFixtures("report", "--html", html.toString(), "@truncated");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("warning"), run.err());
        assertTrue(Files.exists(html));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
