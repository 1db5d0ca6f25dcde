package dev.summonersim.sdk.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.summonersim.sdk.python.JsonStringEscapes;
import dev.summonersim.sdk.python.PythonJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line a relay sends to every other client for one inbound line, byte-exact for both reference relays:
 * <pre>
 * PYTHON: {"remote_addr": "127.0.0.1:50490", "content": "a\tb\\u0001\\u007f"}
 * RUST:   {"content":"a\tb\\u0001&lt;DEL&gt;","remote_addr":"127.0.0.1:50490"}
 * </pre>
 * Both are written by Jackson's generator; only separators and string escaping differ.
 */
public final class RelayFrameCodec {

    /** Writes only; Jackson's default generator settings are serde_json's compact form. Never reconfigured. */
    private static final JsonFactory RUST_WRITER = new JsonFactory();

    private RelayFrameCodec() {
    }

    /** The relayed line, INCLUDING its trailing {@code "\n"}. {@code content} is the inbound line's text. */
    public static String encode(RelayFlavour flavour, String remoteAddr, String content) {
        if (flavour == RelayFlavour.PYTHON) {
            // json.dumps of a two-key dict is exactly PythonJson.dumps; build the map in Python's insertion order.
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("remote_addr", remoteAddr);
            frame.put("content", content);
            return PythonJson.dumps(frame) + "\n";
        }
        return rustFrame(remoteAddr, content) + "\n";
    }

    private static String rustFrame(String remoteAddr, String content) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = RUST_WRITER.createGenerator(out)) {
            // no pretty printer: Jackson's default output is serde_json's compact form
            generator.setCharacterEscapes(JsonStringEscapes.rustSerde());
            generator.writeStartObject();
            generator.writeStringField("content", content);
            generator.writeStringField("remote_addr", remoteAddr);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The {@code content} a relay of the given flavour takes from one inbound line, given exactly as read from the
     * socket: INCLUDING its trailing LF when there was one (a final line cut by EOF has none).
     * <ul>
     *   <li>PYTHON ({@code remove_last_newline}): drops one trailing LF; a CR before it stays (quirk Q16);</li>
     *   <li>RUST (tokio {@code Lines}): drops the LF and then one CR before it; a line without LF is unchanged,
     *       even if it ends in CR.</li>
     * </ul>
     * A Netty relay must therefore frame with {@code stripDelimiter=false} (Netty would strip CRLF for both).
     */
    public static String contentOf(RelayFlavour flavour, String inboundLine) {
        if (!inboundLine.endsWith("\n")) {
            return inboundLine;
        }
        String withoutLf = inboundLine.substring(0, inboundLine.length() - 1);
        if (flavour == RelayFlavour.RUST && withoutLf.endsWith("\r")) {
            return withoutLf.substring(0, withoutLf.length() - 1);
        }
        return withoutLf;
    }

    /**
     * The peer address as both reference relays print it: {@code 127.0.0.1:50490}, {@code [::1]:50490}, and
     * {@code [fe80::1%2]:50490} when an IPv6 scope id is set. IPv6 uses Java's full form with zero runs compressed
     * as RFC 5952 (the Python and Rust formatters both compress).
     */
    public static String formatAddress(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        if (ip instanceof Inet6Address v6) {
            String text = Ipv6Text.compressed(v6.getAddress());
            if (v6.getScopeId() != 0) {
                text = text + "%" + v6.getScopeId();
            }
            return "[" + text + "]:" + address.getPort();
        }
        return ip.getHostAddress() + ":" + address.getPort();
    }
}
