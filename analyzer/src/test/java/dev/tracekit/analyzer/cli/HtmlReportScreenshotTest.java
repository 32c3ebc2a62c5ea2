package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture's report rendered by headless Chromium (Debian's {@code chromium}): the screenshot lands in
 * {@code target/report-screenshot/} for people to look at, and is checked to hold the page's dark header and
 * drawn charts. Skipped where chromium is not installed, unless {@code TRACEKIT_REQUIRE_CHROMIUM=1} (CI),
 * where that is a failure.
 */
class HtmlReportScreenshotTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;
    /** The bars' and rate line's blue ({@code --primary} in report.css). */
    private static final int PRIMARY = 0x3b6fd6;

    @Test
    void rendersInHeadlessChromium(@TempDir Path profile) throws IOException, InterruptedException {
        Path chromium = chromium();
        Path out = Files.createDirectories(Path.of("target", "report-screenshot").toAbsolutePath());
        Path html = out.resolve("report.html");
        Path png = out.resolve("report.png");
        Files.deleteIfExists(png);
        CliRun run = CliRun.withFixtures("report", "--html", html.toString(), "--force", "@web");
        assertEquals(0, run.status(), run.err());

        Path log = out.resolve("chromium.log");
        // Without the background-networking flags Chromium tries to reach Google, which a closed network refuses.
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 120 s; see " + log);
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + read(log));
        assertTrue(Files.size(png) > 20_000, "a rendered page, not a blank one: " + Files.size(png) + " bytes");

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(brightness(image.getRGB(WIDTH / 2, 10)) < 80, "the dark header band is at the top");
        assertTrue(brightness(image.getRGB(12, HEIGHT / 2)) > 200, "the page below is light");
        Set<Integer> colours = new HashSet<>();
        int primary = 0;
        for (int y = 0; y < HEIGHT; y += 2) {
            for (int x = 0; x < WIDTH; x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                primary += rgb == PRIMARY ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 100, "text and charts give many colours, got " + colours.size());
        assertTrue(primary > 2_000, "the charts' bars are drawn, got " + primary + " blue pixels sampled");
    }

    /** Chromium on the PATH; otherwise the test is skipped, or fails when CI requires it. */
    private static Path chromium() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            if ("1".equals(System.getenv("TRACEKIT_REQUIRE_CHROMIUM"))) {
                fail("chromium is not on the PATH and TRACEKIT_REQUIRE_CHROMIUM=1");
            }
            Assumptions.abort("chromium is not on the PATH: HTML rendering check skipped (apt-get install chromium)");
        }
        return found.get();
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    private static String read(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
