package nl.lvssync.simulator;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A response body produced while it is sent: the items are generated a few kilobytes at a time as the
 * server reads the stream, so a list of 20,000 students is never held whole.
 */
final class GeneratedBody implements InputStreamSource {

    /** Writes the items of a body one step (a day, a student) at a time. */
    abstract static class Items {
        private boolean first = true;

        /** Writes the next step's items; false when there are no more (and nothing was written). */
        abstract boolean next(StringBuilder out);

        /** Starts an item in a JSON list: a comma before every item but the first. */
        final StringBuilder item(StringBuilder out) {
            if (!first) {
                out.append(',');
            }
            first = false;
            return out;
        }
    }

    /** No items: for bodies that are all prefix. */
    static Items none() {
        return new Items() {
            @Override
            boolean next(StringBuilder out) {
                return false;
            }
        };
    }

    private static final int CHUNK = 16 * 1024;

    private final String prefix;
    private final Supplier<Items> items;
    private final String suffix;
    private final Charset charset;

    GeneratedBody(String prefix, Supplier<Items> items, String suffix) {
        this(prefix, items, suffix, StandardCharsets.UTF_8);
    }

    /** A body written in another encoding (a GetData layout in Windows-1252). */
    GeneratedBody(String prefix, Supplier<Items> items, String suffix, Charset charset) {
        this.prefix = prefix;
        this.items = items;
        this.suffix = suffix;
        this.charset = charset;
    }

    /** Generates the whole body at once; for tests and small answers. */
    String asString() {
        try (InputStream in = getStream()) {
            return new String(in.readAllBytes(), charset);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public InputStream getStream() {
        return new InputStream() {
            private Items source;
            private StringBuilder text;
            private byte[] buffer = new byte[0];
            private int pos;
            private int stage; // 0 before the prefix, 1 in the items, 2 suffix written

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                while (pos >= buffer.length) {
                    if (!refill()) {
                        return -1;
                    }
                }
                int n = Math.min(len, buffer.length - pos);
                System.arraycopy(buffer, pos, b, off, n);
                pos += n;
                return n;
            }

            private boolean refill() {
                if (stage == 2) {
                    return false;
                }
                if (text == null) {
                    // only now: WireMock also opens the stream just to log none of it
                    text = new StringBuilder(CHUNK + 4096);
                }
                text.setLength(0);
                if (stage == 0) {
                    text.append(prefix);
                    source = items.get();
                    stage = 1;
                }
                while (stage == 1 && text.length() < CHUNK) {
                    if (!source.next(text)) {
                        text.append(suffix);
                        stage = 2;
                    }
                }
                buffer = text.toString().getBytes(charset);
                pos = 0;
                return true;
            }
        };
    }
}
