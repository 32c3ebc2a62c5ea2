package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import java.io.Closeable;
import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * {@code tracekit top}'s full screen: the terminal in raw mode on its alternate screen, the text redrawn from the top
 * left corner line by line, each line cut to the window and cleared to its end (JLine's diffing {@code Display}
 * garbled shortened lines under tmux), keys read without waiting. Only JLine's exec provider (stty)
 * is used, so no native code is loaded.
 */
final class TopScreen implements Closeable {
    private final Terminal terminal;
    private final Attributes saved;
    private final NonBlockingReader keys;

    private TopScreen(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen); // the display counts from the top left corner: put the cursor there
        terminal.flush();
        this.keys = terminal.reader();
    }

    /** @throws TracekitException (bad input) when the terminal cannot be driven */
    static TopScreen open() {
        try {
            return new TopScreen(TerminalBuilder.builder().system(true).exec(true).ffm(false).jni(false).jna(false)
                    .jansi(false).dumb(false).build());
        } catch (IOException | IllegalStateException e) {
            throw TracekitException.badInput("cannot drive this terminal (" + e.getMessage() + "); use --batch");
        }
    }

    /** The key pressed since the last call, or -1 for none. */
    int key() {
        try {
            return keys.read(1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Rows of text that fit: the window's height. */
    int height() {
        return Math.max(1, terminal.getSize().getRows());
    }

    /** Draws the text over the screen, each line cut to the window's width, what is below it cleared. */
    void show(String text) {
        Size size = terminal.getSize();
        terminal.puts(Capability.cursor_home);
        String[] lines = text.split("\n", -1);
        for (int row = 0; row < Math.min(lines.length, size.getRows()); row++) {
            String line = lines[row];
            terminal.writer().print(line.length() > size.getColumns() ? line.substring(0, size.getColumns()) : line);
            terminal.puts(Capability.clr_eol);
            if (row < size.getRows() - 1) {
                terminal.writer().print("\r\n");
            }
        }
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    @Override
    public void close() {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.exit_ca_mode);
        terminal.setAttributes(saved);
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // the screen is restored; nothing is left to do with a terminal that will not close
        }
    }
}
