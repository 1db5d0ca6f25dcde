package dev.summonersim.harness.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client config the kit hands to the agent: the reference {@code client_config.json} keys, with host and port
 * set to the relay (they win over an agent's own defaults, as in the reference SDK), a short retry delay so a
 * restarted relay is found again quickly, unlimited retries (the kit stops the agent itself), and the log directory
 * inside the scenario's report folder.
 */
final class ClientConfigFile {

    static final double RETRY_DELAY_SECONDS = 0.2;

    private ClientConfigFile() {
    }

    static void write(Path file, String host, int port, Path logDirectory) throws IOException {
        Map<String, Object> logger = new LinkedHashMap<>();
        logger.put("log_level", "INFO");
        logger.put("enable_console_log", true);
        logger.put("console_log_format", "%(asctime)s - %(name)s - %(levelname)s - %(message)s");
        logger.put("enable_file_log", true);
        logger.put("enable_json_log", false);
        logger.put("log_file_path", logDirectory.toString() + "/");
        logger.put("log_format", "%(asctime)s - %(name)s - %(levelname)s - %(message)s");
        logger.put("max_file_size", 1_000_000);
        logger.put("backup_count", 3);
        logger.put("date_format", "%Y-%m-%d %H:%M:%S.%f");
        logger.put("log_keys", null);

        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("max_bytes_per_line", 65_536);
        receiver.put("read_timeout_seconds", null);
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("concurrency_limit", 16);
        sender.put("batch_drain", false);
        sender.put("queue_maxsize", 128);
        sender.put("event_bridge_maxsize", 2000);
        sender.put("max_worker_errors", 3);
        Map<String, Object> reconnection = new LinkedHashMap<>();
        reconnection.put("retry_delay_seconds", RETRY_DELAY_SECONDS);
        reconnection.put("primary_retry_limit", null);
        reconnection.put("default_host", host);
        reconnection.put("default_port", port);
        reconnection.put("default_retry_limit", null);
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("receiver", receiver);
        hyper.put("sender", sender);
        hyper.put("reconnection", reconnection);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host);
        config.put("port", port);
        config.put("logger", logger);
        config.put("hyper_parameters", hyper);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), config);
    }
}
