package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.jetty.JettyFaultInjector;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpUtils;
import dev.summonersim.llmstub.TokenWriteListener;
import dev.summonersim.llmstub.internal.StreamPlan.TimedEvent;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servlet filter in front of WireMock's stub servlet. WireMock matches, journals and renders the response as
 * usual; for planned responses this filter then sends the headers at once and writes one event per write+flush,
 * each after its own delay. WireMock alone cannot: its chunked dribble splits bytes evenly and delays the headers.
 */
public final class SseStreamingFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SseStreamingFilter.class);

    private final StreamRegistry streams;
    private final TokenWriteListener tokenListener;
    private final UpstreamProxy proxy;

    /** @param proxy forwards the requests the proxy transformer handed over, or null when the stub answers itself */
    public SseStreamingFilter(StreamRegistry streams, TokenWriteListener tokenListener, UpstreamProxy proxy) {
        this.streams = streams;
        this.tokenListener = tokenListener;
        this.proxy = proxy;
    }

    public SseStreamingFilter(StreamRegistry streams, TokenWriteListener tokenListener) {
        this(streams, tokenListener, null);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        PlanCapturingResponse capturing = new PlanCapturingResponse(http);
        chain.doFilter(request, capturing);
        StreamPlan plan = streams.take(capturing.planId());
        ProxiedRequest proxied = plan == null && proxy != null ? streams.takeProxied(capturing.planId()) : null;
        if (proxied != null) {
            forward(proxied, request, http);
        } else if (plan != null) {
            if (!openSlot(http)) {
                return;
            }
            int[] written = {0};
            boolean complete = false;
            try {
                complete = write(plan, http, ClientConnection.of(request), written);
            } finally {
                streams.streamClosed();
                tokenListener.streamFinished(plan.prompt(), written[0], complete);
            }
        }
    }

    /** A proxied stream holds a stream slot like a planned one: it occupies one Jetty thread as long. */
    private void forward(ProxiedRequest proxied, ServletRequest request, HttpServletResponse http) {
        if (!openSlot(http)) {
            return;
        }
        try {
            if (proxy.forward(proxied, http, ClientConnection.of(request))) {
                streams.streamCompleted();
            }
        } finally {
            streams.streamClosed();
        }
    }

    /** Takes a stream slot, waiting for one; false (the connection is reset) when interrupted by the shutdown. */
    private boolean openSlot(HttpServletResponse http) {
        try {
            streams.streamOpened();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(http);
            return false;
        }
    }

    /** Writes the plan; true when it was written to the end. {@code written[0]} counts the content tokens. */
    private boolean write(StreamPlan plan, HttpServletResponse response, ClientConnection client, int[] written) {
        try {
            if (plan.headersFirst()) {
                // Commit the headers now, as OpenAI does, so the client's call returns before the first token.
                response.flushBuffer();
            }
            ServletOutputStream out = response.getOutputStream();
            for (TimedEvent event : plan.events()) {
                if (!pauseOrStop(event.delayMillis(), response, client)) {
                    return false;
                }
                if (event.tokenIndex() >= 0) {
                    tokenListener.tokenWritten(plan.prompt(), event.tokenIndex(), System.nanoTime());
                }
                if (event.bytes().length > 0) {
                    out.write(event.bytes());
                    out.flush();
                }
                if (event.tokenIndex() >= 0) {
                    written[0]++;
                }
            }
            switch (plan.ending()) {
                case RESET -> reset(response);
                case STALL -> pauseOrStop(Long.MAX_VALUE, response, client);
                case COMPLETE -> {
                    out.flush();
                    streams.streamCompleted();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // Jetty's EofException and friends: the client closed or cancelled the stream.
            LOG.info("client went away during a stream: {}", e.toString());
            streams.clientDisconnected();
            return false;
        }
    }

    /** False when the stream must stop: the stub is shutting down (the connection is then reset) or the client left. */
    private boolean pauseOrStop(long millis, HttpServletResponse response, ClientConnection client) {
        switch (streams.pause(millis, client)) {
            case SHUTDOWN:
                reset(response);
                return false;
            case CLIENT_GONE:
                LOG.info("client went away while the stream was paused");
                streams.clientDisconnected();
                return false;
            default:
                return true;
        }
    }

    /** Resets the TCP connection (RST), as WireMock's own fault injector does. */
    static void reset(HttpServletResponse response) {
        try {
            new JettyFaultInjector(response, new Jetty11HttpUtils()).connectionResetByPeer();
        } catch (RuntimeException e) {
            LOG.debug("connection was already gone when resetting it: {}", e.toString());
        }
    }
}
