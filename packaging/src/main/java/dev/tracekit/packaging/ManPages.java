package dev.tracekit.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * tracekit(1) and one page per verb (tracekit-record(1), tracekit-summary(1), ...): picocli's generator writes
 * AsciiDoc from the model, Asciidoctor's manpage backend turns it into troff.
 */
final class ManPages {
    private ManPages() {
    }

    /**
     * @param version said in each page's footer, as man pages of a release do
     * @return the man pages written into {@code manDirectory}, one {@code NAME.1} per command */
    static List<Path> write(CommandLine tracekit, String version, Path asciidocDirectory, Path manDirectory) throws IOException {
        Files.createDirectories(asciidocDirectory);
        Files.createDirectories(manDirectory);
        if (ManPageGenerator.generateManPage(asciidocDirectory.toFile(), null, new boolean[0], false,
                tracekit.getCommandSpec()) != 0) {
            throw new IOException("picocli's man page generator failed");
        }
        List<Path> sources;
        try (Stream<Path> files = Files.list(asciidocDirectory)) {
            sources = files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList();
        }
        List<Path> pages = new ArrayList<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (Path source : sources) {
                asciidoctor.convertFile(source.toFile(), Options.builder().backend("manpage").safe(SafeMode.UNSAFE)
                        .attributes(Attributes.builder().attribute("mansource", "tracekit " + version).build())
                        .toDir(manDirectory.toFile()).build());
                String name = source.getFileName().toString().replaceFirst("\\.adoc$", "");
                Path page = manDirectory.resolve(name + ".1");
                if (!Files.isRegularFile(page)) {
                    throw new IOException("Asciidoctor wrote no " + page);
                }
                pages.add(page);
            }
        }
        return pages;
    }
}
