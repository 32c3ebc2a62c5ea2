package dev.tracekit.analyzer.render.html;

/**
 * The one way text gets into the report's markup. Escapes the five characters that matter in HTML text and
 * in quoted attribute values (also inside inline SVG), so one function serves both contexts. Strings from the
 * data have already been through {@code SafeText} (control characters and bytes that are not UTF-8 as visible
 * escapes) on their way into a table or chart; this step makes {@code <script>} show as text.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
