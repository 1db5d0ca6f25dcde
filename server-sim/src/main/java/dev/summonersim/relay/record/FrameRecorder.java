package dev.summonersim.relay.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes every relayed frame to a JSON Lines file (schema in server-sim/README.md) from a background thread, so event
 * loops never wait for the disk. The file is flushed whenever the queue runs empty, and on {@link #close()}.
 */
public final class FrameRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrameRecorder.class);
    private static final RecordedFrame END = new RecordedFrame(-1, Instant.EPOCH, "", -1, "", List.of(), null);

    private final Path file;
    private final BlockingQueue<RecordedFrame> queue = new LinkedBlockingQueue<>();
    /** Guarded by {@code queue}. */
    private long sequence;
    private final Thread writer;
    private final OutputStream out;
    private final JsonGenerator json;

    public FrameRecorder(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.json.setRootValueSeparator(null);
        this.writer = new Thread(this::drain, "relay-record");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues one frame; its {@code seq} is assigned here, so the file is in acceptance order. */
    public void record(Instant receivedAt, String sender, long senderSeq, String content, List<String> receivers,
                       String chaos) {
        synchronized (queue) {
            queue.add(new RecordedFrame(++sequence, receivedAt, sender, senderSeq, content, receivers, chaos));
        }
    }

    private void drain() {
        try {
            while (true) {
                RecordedFrame frame = queue.take();
                if (frame == END) {
                    break;
                }
                write(frame);
                if (queue.isEmpty()) {
                    json.flush();
                }
            }
            json.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("Record file {} could not be written; recording stopped: {}", file, e.toString());
        }
    }

    private void write(RecordedFrame f) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", f.seq());
        json.writeStringField("ts", f.receivedAt().toString());
        json.writeNumberField("ts_us", TimeUnit.SECONDS.toMicros(f.receivedAt().getEpochSecond())
                + f.receivedAt().getNano() / 1000);
        json.writeStringField("sender", f.sender());
        json.writeNumberField("sender_seq", f.senderSeq());
        json.writeStringField("content", f.content());
        json.writeArrayFieldStart("receivers");
        for (String r : f.receivers()) {
            json.writeString(r);
        }
        json.writeEndArray();
        if (f.chaos() != null) {
            json.writeStringField("chaos", f.chaos());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        queue.add(END);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            json.close();
            out.close();
        } catch (IOException e) {
            log.warn("Closing record file {} failed: {}", file, e.toString());
        }
    }
}
