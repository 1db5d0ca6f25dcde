package dev.summonersim.agent.echo;

import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import dev.summonersim.sdk.text.PeerText;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference's EchoAgent_0 (protocol.md §5.3): every relayed payload is queued and, one at a time and {@code delay}
 * apart, sent again as a new message to every peer (its sender included). A null payload is not echoed. Unlike the
 * reference, the payload is echoed exactly as it arrived (no Q3 re-parsing, so {@code "null"} stays {@code "null"}).
 */
public final class EchoAgent {

    private final Logger log;
    private final Duration delay;
    private final BlockingQueue<Object> pending = new LinkedBlockingQueue<>();

    public EchoAgent(String name, Duration delay) {
        this.log = LoggerFactory.getLogger(name);
        this.delay = delay;
    }

    /** The client builder with this agent's receive and send handlers; add config, host and port, then start. */
    public SummonerClient.Builder clientBuilder(String name) {
        return SummonerClient.builder(name).onReceive(this::onMessage).onSend(this::nextEcho);
    }

    void onMessage(ReceivedMessage message) throws InterruptedException {
        if (message instanceof TextMessage text && text.isServerWarning()) {
            log.warn(PeerText.oneLine(text.text().replace("Warning:", "[From Server]")));
        } else if (message instanceof RelayMessage relayed) {
            if (relayed.content() != null) {
                pending.put(relayed.content());
            }
            log.info("Buffered message from:(SocketAddress={}).", PeerText.oneLine(relayed.remoteAddr()));
        }
    }

    /** Blocks until a payload is queued, waits {@code delay} as the reference's {@code sleep(1)}, returns it. */
    Object nextEcho() throws InterruptedException {
        Object payload = pending.take();
        Thread.sleep(delay.toMillis());
        return payload;
    }
}
