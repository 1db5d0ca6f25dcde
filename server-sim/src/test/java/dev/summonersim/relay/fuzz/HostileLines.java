package dev.summonersim.relay.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Hostile inbound lines for the relay, drawn from one seeded {@link Random}: each call returns the bytes of one line,
 * LF included (or, for the unterminated kinds, a long run without LF followed by one). Counts what it produced per kind.
 */
final class HostileLines {
    /** Kinds of hostile line, with their weights in the mix. */
    enum Kind {
        // the kinds that end the session (invalid UTF-8; over the cap in the Python flavour) cost a reconnect each,
        // so they are rarer than the ones the relay has to pass through
        RANDOM_BYTES(2), INVALID_UTF8(1), OVERLONG_UTF8(1), CONTROL_TEXT(24), LONE_CR(14), NUL(12), DEEP_JSON(3),
        AT_CAPS(1), FRAME_CAP(2), UNTERMINATED_HUGE(1), EMPTY_AND_BLANK(8), VALID_ENVELOPE(20);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final int TOTAL_WEIGHT = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();
    private static final byte[][] INVALID = {
            {(byte) 0x80}, {(byte) 0xbf}, {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe}, {(byte) 0xff}};
    private static final byte[][] OVERLONG = {
            {(byte) 0xc0, (byte) 0x80}, {(byte) 0xc1, (byte) 0xbf}, {(byte) 0xe0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xe0, (byte) 0x9f, (byte) 0xbf}, {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xf0, (byte) 0x8f, (byte) 0xbf, (byte) 0xbf}};

    private final Random random;
    private final int cap;
    private final Map<Kind, Long> produced = new EnumMap<>(Kind.class);

    /** @param cap the relay's inbound content cap and frame cap (65,536 by default) */
    HostileLines(long seed, int cap) {
        this.random = new Random(seed);
        this.cap = cap;
    }

    byte[] next() {
        Kind kind = pick();
        produced.merge(kind, 1L, Long::sum);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (kind) {
            case RANDOM_BYTES -> {
                byte[] b = new byte[random.nextInt(300)];
                random.nextBytes(b);
                for (int i = 0; i < b.length; i++) {
                    if (b[i] == '\n') {
                        b[i] = 'n';
                    }
                }
                out.writeBytes(b);
            }
            case INVALID_UTF8 -> {
                out.writeBytes(ascii(random.nextInt(40)));
                out.writeBytes(INVALID[random.nextInt(INVALID.length)]);
                out.writeBytes(ascii(random.nextInt(40)));
            }
            case OVERLONG_UTF8 -> {
                out.writeBytes(ascii(random.nextInt(20)));
                out.writeBytes(OVERLONG[random.nextInt(OVERLONG.length)]);
            }
            case CONTROL_TEXT -> {
                // valid UTF-8 full of what a terminal or a JSON encoder must handle: C0, DEL, C1, bidi, quotes,
                // backslashes, astral characters
                int[] pool = {0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x9b, 0x202e, 0x2066, '"', '\\', 0x1f600,
                        0xfffd, 0xe9, 'a'};
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(120); i > 0; i--) {
                    text.appendCodePoint(pool[random.nextInt(pool.length)]);
                }
                out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            case LONE_CR -> {
                String[] forms = {"\r", "\r\r", "a\rb", "\r\u001b[2J", "line\r", "\rX\rY\r"};
                out.writeBytes(forms[random.nextInt(forms.length)].getBytes(StandardCharsets.UTF_8));
            }
            case NUL -> {
                out.writeBytes(ascii(random.nextInt(10)));
                out.write(0);
                out.writeBytes(ascii(random.nextInt(10)));
            }
            case DEEP_JSON -> {
                int depth = 1000 + random.nextInt(30_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                out.writeBytes(open.repeat(Math.min(depth, cap / open.length())).getBytes(StandardCharsets.US_ASCII));
            }
            case AT_CAPS -> out.writeBytes(filled(cap - 1 + random.nextInt(3), (byte) 'x'));  // cap-1, cap, cap+1
            case FRAME_CAP -> {
                // quotes double in the frame: around the point where the frame passes the cap
                int quotes = cap / 2 - 40 + random.nextInt(80);
                out.writeBytes(filled(quotes, (byte) '"'));
            }
            case UNTERMINATED_HUGE -> out.writeBytes(filled(cap + 1 + random.nextInt(2 * cap), (byte) 'u'));
            case EMPTY_AND_BLANK -> out.writeBytes(random.nextBoolean() ? new byte[0] : " \t ".getBytes(StandardCharsets.US_ASCII));
            case VALID_ENVELOPE -> out.writeBytes(("{\"_version\": \"1.3.0\", \"_payload\": \"t" + random.nextInt()
                    + "\", \"_type\": \"str\"}").getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        return out.toByteArray();
    }

    Map<Kind, Long> produced() {
        return produced;
    }

    private Kind pick() {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (Kind k : Kind.values()) {
            r -= k.weight;
            if (r < 0) {
                return k;
            }
        }
        throw new AssertionError();
    }

    private byte[] ascii(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (' ' + random.nextInt(95));
        }
        return b;
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }
}
