package dev.tracekit.recorder.config;

/**
 * Text quoted from a config file or the command line into a one-line message: the recorder prints the reason a
 * config file is refused on its warning line while it runs, so a newline or an escape sequence in a key or a
 * name must neither break that line nor drive the terminal. Control characters become {@code \}{@code uXXXX}.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
