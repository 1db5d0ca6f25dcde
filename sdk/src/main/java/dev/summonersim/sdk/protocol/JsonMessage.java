package dev.summonersim.sdk.protocol;

import dev.summonersim.sdk.python.PythonJson;

/**
 * A received line that is JSON but neither a relay frame nor a string literal, e.g. {@code {"status": "ok"}},
 * {@code 42} or {@code null}.
 *
 * @param value the parsed value in the sdk value model (see {@link PythonJson}); may be null
 */
public record JsonMessage(Object value) implements ReceivedMessage {
}
