package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/** WireMock extension: the usual Jetty 11 server with {@link SseStreamingFilter} in front of the stub servlet. */
public final class StreamingServerFactory implements HttpServerFactory {

    private final SseStreamingFilter filter;

    public StreamingServerFactory(SseStreamingFilter filter) {
        this.filter = filter;
    }

    @Override
    public String getName() {
        return "llmstub-streaming-server";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new FilteringServer(options, admin, stubs);
    }

    /** An inner class on purpose: its decorate hook runs inside the super constructor, before own fields exist. */
    private final class FilteringServer extends Jetty11HttpServer {
        FilteringServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            super(options, admin, stubs);
        }

        @Override
        protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
    }
}
