package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.summonersim.llmstub.RecordedChatRequest;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Queues every request as it is matched (before the response), for MockWebServer-style {@code takeRequest}. */
public final class RequestRecorder implements ServeEventListener {

    private final BlockingQueue<RecordedChatRequest> queue = new LinkedBlockingQueue<>();

    @Override
    public String getName() {
        return "llmstub-request-recorder";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
        queue.add(RecordedChatRequest.from(serveEvent.getRequest()));
    }

    public RecordedChatRequest take(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
