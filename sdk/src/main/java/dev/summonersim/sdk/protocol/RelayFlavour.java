package dev.summonersim.sdk.protocol;

/**
 * Which reference relay a relay frame imitates. The two differ in frame layout and escaping (see
 * {@link RelayFrameCodec}) and in how a CR before the LF is treated (see {@link RelayFrameCodec#contentOf}).
 */
public enum RelayFlavour {
    /** {@code json.dumps({"remote_addr": a, "content": c})}: spaced, ASCII-only, remote_addr first. */
    PYTHON,
    /** serde_json {@code json!({...}).to_string()}: compact, raw UTF-8, keys sorted so content comes first. */
    RUST;

    /**
     * Maps server_config.json's {@code "version"} the way the reference launcher chooses a server: {@code "rust"}
     * and {@code "rust_v..."} select the Rust relay (case-sensitive, as the reference); null, {@code "python"} and
     * anything else the Python relay.
     */
    public static RelayFlavour fromConfigVersion(String version) {
        if (version != null && (version.equals("rust") || version.startsWith("rust_v"))) {
            return RUST;
        }
        return PYTHON;
    }
}
