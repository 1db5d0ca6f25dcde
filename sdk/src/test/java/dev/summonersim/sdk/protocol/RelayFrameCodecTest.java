package dev.summonersim.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relay framing details beyond B1-B10: serde_json escaping, address text, line endings. */
class RelayFrameCodecTest {

    @Test
    void rustFlavourEscapesOnlyQuotesBackslashesAndControls() {
        String content = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f é 😀 \u2028";
        assertThat(RelayFrameCodec.encode(RelayFlavour.RUST, "127.0.0.1:1", content))
            .isEqualTo("{\"content\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f é 😀 \u2028\","
                + "\"remote_addr\":\"127.0.0.1:1\"}\n");
    }

    @Test
    void pythonFlavourIsJsonDumpsOfTheTwoKeys() {
        String content = "\u007f é 😀 \u0001";
        assertThat(RelayFrameCodec.encode(RelayFlavour.PYTHON, "[::1]:2", content))
            .isEqualTo("{\"remote_addr\": \"[::1]:2\", \"content\": \"\\u007f \\u00e9 \\ud83d\\ude00 \\u0001\"}\n");
    }

    @Test
    void longContentIsEscapedThroughout() {
        String content = "a\u0001\u007fé".repeat(30_000);
        String rust = RelayFrameCodec.encode(RelayFlavour.RUST, "h:1", content);
        assertThat(rust).isEqualTo("{\"content\":\"" + "a\\u0001\u007fé".repeat(30_000) + "\",\"remote_addr\":\"h:1\"}\n");
        String python = RelayFrameCodec.encode(RelayFlavour.PYTHON, "h:1", content);
        assertThat(python).contains("a\\u0001\\u007f\\u00e9".repeat(30_000));
    }

    @ParameterizedTest(name = "{0}: [{1}] -> [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "PYTHON|'x\r\n'|'x\r'", "RUST|'x\r\n'|'x'", "PYTHON|'x\n'|'x'", "RUST|'x\n'|'x'",
        "PYTHON|'x\r'|'x\r'", "RUST|'x\r'|'x\r'", "RUST|'x\r\r\n'|'x\r'", "PYTHON|'x\n\n'|'x\n'",
        "RUST|'\n'|''", "PYTHON|''|''"})
    void contentOfAppliesEachRelaysLineEndingRule(RelayFlavour flavour, String inbound, String content) {
        assertThat(RelayFrameCodec.contentOf(flavour, inbound)).isEqualTo(content);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"rust|RUST", "rust_v1.1.0|RUST", "rust_v1.0.0|RUST", "python|PYTHON",
        "Rust|PYTHON", "anything|PYTHON", "''|PYTHON"})
    void flavourFromConfigVersion(String version, RelayFlavour expected) {
        assertThat(RelayFlavour.fromConfigVersion(version)).isEqualTo(expected);
    }

    @Test
    void nullConfigVersionIsPython() {
        assertThat(RelayFlavour.fromConfigVersion(null)).isEqualTo(RelayFlavour.PYTHON);
    }

    @Test
    void addressesAreFormattedLikeBothRelays() throws Exception {
        assertThat(RelayFrameCodec.formatAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 50490)))
            .isEqualTo("127.0.0.1:50490");
        assertThat(RelayFrameCodec.formatAddress(new InetSocketAddress(InetAddress.getByName("::1"), 50490)))
            .isEqualTo("[::1]:50490");
        assertThat(RelayFrameCodec.formatAddress(new InetSocketAddress(InetAddress.getByName("::"), 1)))
            .isEqualTo("[::]:1");
        assertThat(RelayFrameCodec.formatAddress(
            new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:1:0:0:1"), 80)))
            .isEqualTo("[2001:db8::1:0:0:1]:80");
        assertThat(RelayFrameCodec.formatAddress(
            new InetSocketAddress(InetAddress.getByName("2001:db8:0:1:1:1:1:1"), 80)))
            .as("a single zero group is not compressed (RFC 5952)")
            .isEqualTo("[2001:db8:0:1:1:1:1:1]:80");
        assertThat(RelayFrameCodec.formatAddress(new InetSocketAddress(InetAddress.getByName("fe80::1"), 7)))
            .isEqualTo("[fe80::1]:7");
        byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
        assertThat(RelayFrameCodec.formatAddress(
            new InetSocketAddress(Inet6Address.getByAddress(null, linkLocal, 3), 7)))
            .isEqualTo("[fe80::1%3]:7");
        assertThat(RelayFrameCodec.formatAddress(new InetSocketAddress(InetAddress.getByName("::ffff:10.0.0.1"), 5)))
            .as("Java turns IPv4-mapped peers into plain IPv4, as the Python relay shows them")
            .isEqualTo("10.0.0.1:5");
    }
}
