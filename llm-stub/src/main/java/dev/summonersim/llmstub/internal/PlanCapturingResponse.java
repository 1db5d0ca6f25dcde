package dev.summonersim.llmstub.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Lets WireMock write a response as usual, except when it carries {@link StreamRegistry#PLAN_HEADER}: then the
 * header, the Content-Length and WireMock's buffered body are swallowed, because the filter streams the plan itself.
 * WireMock's own faults still work: its Jetty utilities unwrap exactly one wrapper like this one.
 */
final class PlanCapturingResponse extends HttpServletResponseWrapper {

    private String planId;

    PlanCapturingResponse(HttpServletResponse response) {
        super(response);
    }

    String planId() {
        return planId;
    }

    @Override
    public void setHeader(String name, String value) {
        if (!capture(name, value)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!capture(name, value)) {
            super.addHeader(name, value);
        }
    }

    private boolean capture(String name, String value) {
        if (StreamRegistry.PLAN_HEADER.equalsIgnoreCase(name)) {
            planId = value;
            return true;
        }
        return planId != null && "Content-Length".equalsIgnoreCase(name);
    }

    @Override
    public void setContentLength(int len) {
        if (planId == null) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (planId == null) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return planId == null ? super.getOutputStream() : DISCARD;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return planId == null ? super.getWriter() : new PrintWriter(Writer.nullWriter());
    }

    @Override
    public void flushBuffer() throws IOException {
        if (planId == null) {
            super.flushBuffer();
        }
    }

    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            throw new UnsupportedOperationException("the stub streams synchronously");
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };
}
