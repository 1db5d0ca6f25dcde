package dev.summonersim.llmstub.internal;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;

/**
 * Notes when each piece of a response body came off the network (on the HTTP client's thread), so that recorded
 * token timing is the upstream's and not skewed by how late the proxy's own thread got to read it (a busy machine,
 * or the first recording's JSON parsing warming up).
 */
final class ArrivalTimes {

    /** {end offset (exclusive), System.nanoTime()} per piece, oldest first. */
    private final Queue<long[]> pieces = new ConcurrentLinkedQueue<>();
    private long received;
    private long lastNanos = -1;

    private volatile long headersNanos = -1;

    /** Like {@link HttpResponse.BodyHandlers#ofInputStream()}, noting when the headers and each piece arrived. */
    HttpResponse.BodyHandler<InputStream> handler() {
        return info -> {
            headersNanos = System.nanoTime();
            return new Noting(HttpResponse.BodySubscribers.ofInputStream());
        };
    }

    /** When the response headers arrived, or {@code fallback} if that was not noted. */
    long headersArrival(long fallback) {
        long h = headersNanos;
        return h >= 0 ? h : fallback;
    }

    /** When the body byte at {@code offset} arrived; offsets must not decrease between calls. */
    long arrivalOf(long offset) {
        long[] head = pieces.peek();
        while (head != null && head[0] <= offset) {
            pieces.poll();
            head = pieces.peek();
        }
        if (head != null) {
            lastNanos = head[1];
            return head[1];
        }
        return lastNanos >= 0 ? lastNanos : System.nanoTime();
    }

    private final class Noting implements BodySubscriber<InputStream> {
        private final BodySubscriber<InputStream> inner;

        Noting(BodySubscriber<InputStream> inner) {
            this.inner = inner;
        }

        @Override
        public CompletionStage<InputStream> getBody() {
            return inner.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            inner.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            long n = 0;
            for (ByteBuffer b : item) {
                n += b.remaining();
            }
            received += n; // onNext calls are serial (Flow rules), so this needs no lock
            pieces.add(new long[] {received, System.nanoTime()});
            inner.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            inner.onError(throwable);
        }

        @Override
        public void onComplete() {
            inner.onComplete();
        }
    }
}
