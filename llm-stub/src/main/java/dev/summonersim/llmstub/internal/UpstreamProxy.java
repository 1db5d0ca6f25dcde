package dev.summonersim.llmstub.internal;

import dev.summonersim.sdk.text.PeerText;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards requests to a real OpenAI-compatible server and writes each answer through to the caller as its bytes
 * arrive (one write+flush per read from the upstream, so nothing is held back), recording chat completions on the
 * way when a {@link RecordingDirectory} is given. Headers are forwarded both ways (except hop-by-hop ones and
 * {@code Accept-Encoding}, so the answer arrives uncompressed and can be read) but never written anywhere.
 */
public final class UpstreamProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamProxy.class);
    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final long WATCH_INTERVAL_MILLIS = 50;
    /** Not forwarded: hop-by-hop, set by the HTTP client itself, or (accept-encoding) would make the body unreadable. */
    private static final Set<String> REQUEST_HEADERS_NOT_FORWARDED = Set.of("host", "connection", "content-length",
            "expect", "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection",
            "proxy-authorization", "accept-encoding", "http2-settings", "date", "from", "via", "warning");
    private static final Set<String> RESPONSE_HEADERS_NOT_FORWARDED = Set.of("connection", "content-length",
            "transfer-encoding", "keep-alive", "te", "trailer", "upgrade", "proxy-connection");

    private final URI base;
    private final RecordingDirectory recordings;
    private final StreamRegistry streams;
    private final HttpClient client;
    private final Set<OpenExchange> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher;

    /**
     * @param base       the upstream's base URL, e.g. {@code http://127.0.0.1:8080/v1}: a request for
     *                   {@code /v1/chat/completions} goes to {@code base + "/chat/completions"}
     * @param recordings where chat completions are recorded, or null to only pass through
     */
    public UpstreamProxy(URI base, RecordingDirectory recordings, StreamRegistry streams) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.recordings = recordings;
        this.streams = streams;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llm-stub-proxy-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL_MILLIS, WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The upstream's base URL. */
    public URI base() {
        return base;
    }

    /**
     * Forwards one request and writes the upstream's answer to {@code response}; true when the answer was passed on
     * to its end. Runs on the caller's Jetty thread for the whole stream.
     */
    boolean forward(ProxiedRequest request, HttpServletResponse response, ClientConnection caller) {
        boolean chat = "POST".equals(request.method()) && pathOf(request.path()).equals(CHAT_PATH);
        ChatRequestBody body = chat ? parseOrNull(request.body()) : null;
        URI target = target(request.path());
        long sent = System.nanoTime();
        String asked = request.method() + " " + pathOf(request.path()) + (body == null ? ""
                : " prompt \"" + abbreviate(body.prompt()) + "\"");
        ArrivalTimes arrivals = new ArrivalTimes();
        // Registered before sending, so that a caller who leaves (or a shutdown) while the upstream has not even
        // answered with headers yet cancels the request too.
        OpenExchange exchange = new OpenExchange(caller);
        open.add(exchange);
        try {
            HttpResponse<InputStream> upstream;
            try {
                upstream = exchange.send(client, upstreamRequest(request, target), arrivals.handler());
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot forward {}: {}", asked, e.getMessage());
                return answerError(response, 400, "llm-stub proxy: cannot forward this request: " + e.getMessage());
            } catch (IOException | CancellationException e) {
                if (exchange.abortedBy != null) {
                    return aborted(exchange, response, asked + " (before the upstream answered)");
                }
                LOG.warn("upstream {} unreachable for {}: {}", base, asked, e.toString());
                return answerError(response, 502, "llm-stub proxy: upstream " + base + " unreachable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answerError(response, 503, "llm-stub proxy: shutting down");
            }
            long headersAt = arrivals.headersArrival(System.nanoTime());
            response.reset();
            response.setStatus(upstream.statusCode());
            upstream.headers().map().forEach((name, values) -> {
                if (!RESPONSE_HEADERS_NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> response.addHeader(name, v));
                }
            });
            boolean streaming = upstream.statusCode() == 200 && upstream.headers().firstValue("content-type")
                    .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/event-stream")).orElse(false);
            String what = asked + " -> " + upstream.statusCode();
            if (streaming) {
                ExchangeRecording recording = body == null || recordings == null ? null
                        : new ExchangeRecording(body.prompt(), modelOrNull(request.body()), headersAt);
                return stream(exchange, response, recording, arrivals, what);
            }
            return whole(exchange, response, body == null || upstream.statusCode() != 200 ? null : body,
                    request.body(), sent, what);
        } finally {
            open.remove(exchange);
            exchange.closeUpstream();
        }
    }

    private boolean stream(OpenExchange exchange, HttpServletResponse response, ExchangeRecording recording,
                           ArrivalTimes arrivals, String what) {
        byte[] buffer = new byte[8192];
        long offset = 0;
        ServletOutputStream out;
        try {
            response.flushBuffer(); // the caller's createStreaming() returns now, as it would against the upstream
            out = response.getOutputStream();
        } catch (IOException e) {
            return callerGone(what);
        }
        while (true) {
            int n;
            try {
                n = exchange.upstream.read(buffer);
            } catch (IOException e) {
                if (exchange.abortedBy != null) {
                    return aborted(exchange, response, what);
                }
                LOG.warn("{}: upstream cut the stream ({}); resetting the caller's connection", what, e.toString());
                SseStreamingFilter.reset(response);
                record(recording, ExchangeRecording.Ending.CUT, what);
                return false;
            }
            if (n < 0) {
                if (exchange.abortedBy != null) {
                    return aborted(exchange, response, what);
                }
                try {
                    out.close(); // ends the caller's chunked body now, not after the recording is written
                } catch (IOException e) {
                    return callerGone(what);
                }
                record(recording, ExchangeRecording.Ending.EOF, what);
                return true;
            }
            try {
                out.write(buffer, 0, n);
                out.flush();
            } catch (IOException e) {
                return callerGone(what);
            }
            if (recording != null) {
                recording.bytes(buffer, n, offset, arrivals);
            }
            offset += n;
        }
    }

    /** A plain (non-SSE) answer: read whole, then passed on; a 200 chat completion is recorded as one token. */
    private boolean whole(OpenExchange exchange, HttpServletResponse response, ChatRequestBody chat,
                          byte[] requestBody, long sentNanos, String what) {
        byte[] body;
        try {
            body = exchange.upstream.readAllBytes();
        } catch (IOException e) {
            if (exchange.abortedBy != null) {
                return aborted(exchange, response, what);
            }
            LOG.warn("{}: upstream cut the answer ({}); resetting the caller's connection", what, e.toString());
            SseStreamingFilter.reset(response);
            return false;
        }
        long elapsed = System.nanoTime() - sentNanos;
        try {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            return callerGone(what);
        }
        if (chat != null && recordings != null) {
            var script = ExchangeRecording.completion(chat.prompt(), modelOrNull(requestBody), body, elapsed);
            if (script != null) {
                write(script, what);
                return true;
            }
        }
        LOG.info("{}{}", what, chat == null || recordings == null ? "" : " (not recorded)");
        return true;
    }

    private void record(ExchangeRecording recording, ExchangeRecording.Ending ending, String what) {
        if (recording == null) {
            LOG.info("{}: streamed", what);
            return;
        }
        var script = recording.stream(ending, System.nanoTime());
        write(script, what + ": " + recording.tokenCount() + " tokens"
                + (script.fault() == null ? "" : " then " + script.fault().type()));
    }

    /** A recording that cannot be written is logged and lost; the caller already has its answer. */
    private void write(ScriptFileFormat.ScriptEntry script, String what) {
        try {
            LOG.info("{}, recorded {}", what, recordings.write(script).getFileName());
        } catch (UncheckedIOException e) {
            LOG.warn("{}, NOT recorded: {}", what, e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
    }

    private boolean aborted(OpenExchange exchange, HttpServletResponse response, String what) {
        if (exchange.abortedBy == StreamRegistry.Pause.CLIENT_GONE) {
            return callerGone(what);
        }
        LOG.info("{}: stub shutting down; stream not recorded", what);
        SseStreamingFilter.reset(response);
        return false;
    }

    private boolean callerGone(String what) {
        LOG.info("{}: the caller went away; upstream closed, stream not recorded", what);
        streams.clientDisconnected();
        return false;
    }

    /** Every 50 ms: a stream whose caller left, or every stream when the stub shuts down, gets its upstream closed. */
    private void watch() {
        boolean shutdown = streams.isShuttingDown();
        for (OpenExchange e : open) {
            if (shutdown) {
                e.abort(StreamRegistry.Pause.SHUTDOWN);
            } else if (e.caller.isGone()) {
                e.abort(StreamRegistry.Pause.CLIENT_GONE);
            }
        }
    }

    private HttpRequest upstreamRequest(ProxiedRequest request, URI target) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, String> h : request.headers()) {
            if (!REQUEST_HEADERS_NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                b.header(h.getKey(), h.getValue());
            }
        }
        return b.build();
    }

    /** {@code /v1/chat/completions?x} -> base + {@code /chat/completions?x}. */
    URI target(String path) {
        String rest = path.startsWith("/v1/") || path.equals("/v1") ? path.substring(3) : path;
        return URI.create(base + rest);
    }

    private static boolean answerError(HttpServletResponse response, int status, String message) {
        try {
            response.reset();
            response.setStatus(status);
            response.setContentType("application/json; charset=utf-8");
            byte[] body = OpenAiErrors.proxyError(message).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not answer the caller: {}", e.toString());
        }
        return false;
    }

    private static String pathOf(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static ChatRequestBody parseOrNull(byte[] body) {
        try {
            return ChatRequestBody.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The model exactly as the request gave it (ChatRequestBody fills in a default), or null. */
    private static String modelOrNull(byte[] body) {
        try {
            var model = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("model");
            return model.isTextual() && !model.asText().isEmpty() ? model.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String prompt) {
        String oneLine = PeerText.oneLine(prompt);
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    @Override
    public void close() {
        watch();
        watcher.shutdownNow();
    }

    /**
     * One exchange in flight: the upstream request until its headers arrive, then its body, which the caller's
     * thread reads; and why it was cut under that thread, if it was.
     */
    private static final class OpenExchange {
        final ClientConnection caller;
        volatile StreamRegistry.Pause abortedBy;
        private volatile CompletableFuture<HttpResponse<InputStream>> pending;
        volatile InputStream upstream;

        OpenExchange(ClientConnection caller) {
            this.caller = caller;
        }

        HttpResponse<InputStream> send(HttpClient client, HttpRequest request,
                                       HttpResponse.BodyHandler<InputStream> handler)
                throws IOException, InterruptedException {
            CompletableFuture<HttpResponse<InputStream>> future = client.sendAsync(request, handler);
            pending = future;
            if (abortedBy != null) {
                future.cancel(true);
            }
            try {
                HttpResponse<InputStream> response = future.get();
                upstream = response.body();
                if (abortedBy != null) {
                    closeUpstream();
                }
                return response;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(e.getCause());
            }
        }

        void abort(StreamRegistry.Pause why) {
            if (abortedBy == null) {
                abortedBy = why;
                CompletableFuture<HttpResponse<InputStream>> f = pending;
                if (f != null) {
                    f.cancel(true); // since JDK 16 this also abandons the exchange and its connection
                }
                closeUpstream();
            }
        }

        void closeUpstream() {
            InputStream in = upstream;
            if (in == null) {
                return;
            }
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing the upstream stream: {}", e.toString());
            }
        }
    }
}
