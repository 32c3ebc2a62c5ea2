import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rewrites the Java 5 class files (major version 49) of a jar's package prefix as Java 8 class files (52), with
 * stack maps, in place: {@code java scripts/ModernizeClassFiles.java JAR PREFIX}.
 *
 * <p>Why: JDK 25 leaves classes older than version 50 out of an AOT cache once they have been linked (they are
 * verified by the old type-inferring verifier, whose result the cache cannot hold), so picocli, built for Java 5,
 * is read from the jar and verified again on every start: ~170 classes and about 0.1 s of the recorder's start
 * before anything that depends on the options can begin (BENCHMARKS.md, "picocli is not in the AOT cache").
 * Rebuilt at version 52 they are linked once, in the cache. Only the version and the stack maps change: every
 * method body is re-emitted instruction for instruction, so behaviour stays picocli's.
 *
 * <p>Uses the JDK's ClassFile API (JEP 484, final in JDK 24); the build runs it only on such a JDK, and the AOT
 * cache it serves needs JDK 25 anyway.
 */
public final class ModernizeClassFiles {
    private static final int OLD_MAJOR = 49;
    private static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ModernizeClassFiles.java JAR PACKAGE-PREFIX (e.g. picocli/)");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            List<Path> classes = classFilesUnder(zip.getPath("/" + prefix));
            ClassFile rewriter = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(desc -> open(zip, desc)))
                            .cached()));
            int rewritten = 0;
            for (Path path : classes) {
                byte[] original = Files.readAllBytes(path);
                ClassModel model = rewriter.parse(original);
                if (model.majorVersion() != OLD_MAJOR) {
                    continue;
                }
                Files.write(path, rewriter.transformClass(model, toTargetVersion()));
                rewritten++;
            }
            System.err.printf("tracekit: %d of %d class files under %s in %s rewritten to version %d%n",
                    rewritten, classes.size(), prefix, jar.getFileName(), TARGET_MAJOR);
        }
    }

    /** Re-emits every method body (so that stack maps are generated for it) and sets the version. */
    private static ClassTransform toTargetVersion() {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        return version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
    }

    private static List<Path> classFilesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            System.err.println("tracekit: no " + root + " in the jar");
            System.exit(1);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".class")).toList());
        }
    }

    private static InputStream open(FileSystem zip, ClassDesc desc) {
        String internal = desc.descriptorString();
        Path path = zip.getPath("/" + internal.substring(1, internal.length() - 1) + ".class");
        try {
            return Files.exists(path) ? Files.newInputStream(path) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
