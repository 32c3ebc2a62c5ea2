package dev.tracekit.analyzer.render.html;

/** What a colour in a chart means, so a failure is red in every chart and a loss is marked alike everywhere. */
public enum Tone {
    PRIMARY("tone-primary"),
    SECONDARY("tone-secondary"),
    TERTIARY("tone-tertiary"),
    FAILURE("tone-failure");

    private final String cssClass;

    Tone(String cssClass) {
        this.cssClass = cssClass;
    }

    String cssClass() {
        return cssClass;
    }
}
