#!/usr/bin/env python3
"""A Summoner stream agent on the Python 3 standard library only.

It speaks the relay's wire format over a raw TCP socket (one JSON line per message, SDK envelopes
{"_version", "_payload", "_type"}), answers every relayed prompt by streaming tokens from an
OpenAI-compatible Chat Completions endpoint (server-sent events read with http.client), and sends
stream_start, token..., then stream_end / stream_cancelled / stream_error with a UUID stream_id.

--bug NAME injects one classic streaming bug, so a conformance kit can show that it catches it.
"""

import argparse
import http.client
import json
import logging
import logging.handlers
import os
import queue
import socket
import sys
import threading
import time
import urllib.parse
import uuid

SDK_VERSION = "1.3.0"
STREAM_EVENT_TYPES = {"stream_start", "token", "stream_end", "stream_cancelled", "stream_error"}
BUGS = ("late-token", "reuse-stream-id", "no-cancel", "crash-on-cancel", "drop-token")
DEFAULT_BASE_URL = "https://api.openai.com/v1"
MAX_LINE_BYTES = 65536


class Cancelled(Exception):
    """The stream was cancelled by a newer prompt."""


# ---------------------------------------------------------------- configuration

def load_config(path):
    """The reference client_config.json keys this agent uses, with the reference SDK's defaults."""
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    if not isinstance(raw, dict):
        raise ValueError("the top level is not a JSON object")
    logger = raw.get("logger") or {}
    reconnection = (raw.get("hyper_parameters") or {}).get("reconnection") or {}
    return {
        "host": raw.get("host"),
        "port": raw.get("port"),
        "log_level": str(logger.get("log_level") or "DEBUG").upper(),
        "enable_console_log": logger.get("enable_console_log", True),
        "enable_file_log": logger.get("enable_file_log", False),
        "log_file_path": logger.get("log_file_path") or ".",
        "log_format": logger.get("log_format") or "%(asctime)s - %(name)s - %(levelname)s - %(message)s",
        "retry_delay_seconds": reconnection.get("retry_delay_seconds", 3),
        "primary_retry_limit": reconnection.get("primary_retry_limit", 3),
        "default_host": reconnection.get("default_host", raw.get("host")),
        "default_port": reconnection.get("default_port", raw.get("port")),
        "default_retry_limit": reconnection.get("default_retry_limit", 2),
    }


def make_logger(name, config):
    log = logging.getLogger(name)
    log.setLevel(getattr(logging, config["log_level"], logging.DEBUG))
    formatter = logging.Formatter(config["log_format"])
    if config["enable_console_log"]:
        console = logging.StreamHandler(sys.stdout)
        console.setFormatter(formatter)
        log.addHandler(console)
    if config["enable_file_log"]:
        os.makedirs(config["log_file_path"], exist_ok=True)
        path = os.path.join(config["log_file_path"], name.replace(".", "_") + ".log")
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=1000000, backupCount=3)
        file_handler.setFormatter(formatter)
        log.addHandler(file_handler)
    return log


def printable(text, limit=200):
    """Peer text for a log line: control characters escaped, so they never reach a terminal raw."""
    text = text if len(text) <= limit else text[:limit] + "..."
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


# ---------------------------------------------------------------- wire format

def type_of(value):
    """The SDK's _type for a payload: str/int/float/bool/null, element-wise for lists and dicts."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if value is None:
        return "null"
    if isinstance(value, list):
        return [type_of(v) for v in value]
    if isinstance(value, dict):
        return {str(k): type_of(v) for k, v in value.items()}
    return "str"


def envelope(payload):
    """One line as the reference SDK writes it (json.dumps defaults, keys in this order, LF)."""
    return json.dumps({"_version": SDK_VERSION, "_payload": payload, "_type": type_of(payload)}) + "\n"


def decode_content(content):
    """A relayed line's content: an SDK envelope gives its _payload, other JSON is itself, else the text."""
    try:
        value = json.loads(content)
    except ValueError:
        return content
    if isinstance(value, dict) and "_payload" in value:
        return value["_payload"]
    return value


def prompt_of(content):
    """StreamAgent_1's prompt rule: a string as is, a dict's "prompt" or its JSON, anything else as text."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("prompt") or json.dumps(content))
    return str(content)


# ---------------------------------------------------------------- LLM streaming

class LlmStream:
    """One streaming Chat Completions request; tokens() yields content deltas, close() interrupts it."""

    def __init__(self, prompt, model, read_timeout_s):
        base = os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_BASE") or DEFAULT_BASE_URL
        self.url = urllib.parse.urlsplit(base.rstrip("/") + "/chat/completions")
        self.prompt = prompt
        self.model = model
        self.read_timeout_s = read_timeout_s
        self.conn = None

    def tokens(self):
        cls = http.client.HTTPSConnection if self.url.scheme == "https" else http.client.HTTPConnection
        self.conn = cls(self.url.hostname, self.url.port, timeout=self.read_timeout_s)
        body = json.dumps({"model": self.model, "stream": True,
                           "messages": [{"role": "user", "content": self.prompt}]})
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream",
                   "Authorization": "Bearer " + os.environ.get("OPENAI_API_KEY", "sk-no-key-configured")}
        self.conn.request("POST", self.url.path, body=body, headers=headers)
        response = self.conn.getresponse()
        if response.status != 200:
            detail = response.read(500).decode("utf-8", "replace")
            raise RuntimeError("HTTP %d from the LLM: %s" % (response.status, detail))
        finished = False
        while True:
            line = response.readline()
            if not line:
                break
            line = line.decode("utf-8").strip()
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                finished = True
                break
            chunk = json.loads(data)
            if "error" in chunk:
                raise RuntimeError("LLM error event: %s" % json.dumps(chunk["error"]))
            for choice in chunk.get("choices") or []:
                content = (choice.get("delta") or {}).get("content")
                if content:
                    yield content
                if choice.get("finish_reason"):
                    finished = True
        if not finished:
            raise RuntimeError("the LLM stream ended without finish_reason or [DONE]")

    def close(self):
        conn = self.conn
        if conn is not None and conn.sock is not None:
            try:
                conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if conn is not None:
            conn.close()


class StreamTask(threading.Thread):
    """Streams one prompt into the outbox as stream events; cancel() ends it with stream_cancelled."""

    def __init__(self, agent, prompt, stream_id):
        super().__init__(daemon=True, name="stream-" + stream_id[:8])
        self.agent = agent
        self.stream_id = stream_id
        self.llm = LlmStream(prompt, agent.args.model, agent.args.llm_read_timeout_s)
        self.cancelled = threading.Event()
        self.finished = threading.Event()

    def run(self):
        emit = self.agent.outbox.put
        sid = self.stream_id
        emit({"type": "stream_start", "stream_id": sid})
        count = 0
        try:
            for token in self.llm.tokens():
                if self.cancelled.is_set():
                    raise Cancelled()
                count += 1
                if self.agent.has_bug("drop-token") and count == 3:
                    continue
                emit({"type": "token", "stream_id": sid, "token": token})
            if self.cancelled.is_set():
                raise Cancelled()
            self.end({"type": "stream_end", "stream_id": sid})
        except Exception as e:  # noqa: BLE001 - every LLM failure becomes one stream_error
            if self.cancelled.is_set():
                self.end({"type": "stream_cancelled", "stream_id": sid})
                if self.agent.has_bug("late-token"):
                    emit({"type": "token", "stream_id": sid, "token": " (late)"})
            else:
                self.agent.log.error("LLM stream %s failed: %s", sid, printable(str(e)))
                self.end({"type": "stream_error", "stream_id": sid, "error": str(e) or type(e).__name__})
        finally:
            self.llm.close()
            self.finished.set()

    def end(self, terminal):
        """Marks the stream finished before its terminal event goes out: a prompt that answers the terminal event
        must never find this stream still running."""
        self.finished.set()
        self.agent.outbox.put(terminal)

    def cancel(self):
        self.cancelled.set()
        self.llm.close()


# ---------------------------------------------------------------- the agent

class StreamAgent:

    def __init__(self, args, config):
        self.args = args
        self.config = config
        self.log = make_logger(args.name, config)
        self.outbox = queue.Queue()
        self.current = None
        self.fixed_stream_id = str(uuid.uuid4())
        self.write_lock = threading.Lock()

    def has_bug(self, name):
        return name in self.args.bug

    def new_stream_id(self):
        return self.fixed_stream_id if self.has_bug("reuse-stream-id") else str(uuid.uuid4())

    def on_prompt(self, remote_addr, prompt):
        self.log.info("Triggering LLM streaming for remote_addr=%s prompt=%s", remote_addr, printable(repr(prompt)))
        previous = self.current
        if previous is not None and not previous.finished.is_set():
            if self.has_bug("crash-on-cancel"):
                self.log.critical("A prompt arrived during a stream: exiting (bug crash-on-cancel)")
                os._exit(3)
            if not self.has_bug("no-cancel"):
                self.log.warning("Cancelling previous stream (new prompt arrived).")
                previous.cancel()
                previous.join()
        self.current = StreamTask(self, prompt, self.new_stream_id())
        self.current.start()

    def on_line(self, line):
        try:
            message = json.loads(line)
        except ValueError:
            if line.startswith("Warning:"):
                self.log.warning(printable(line.replace("Warning:", "[From Server]")))
            else:
                self.log.info("Ignored message (unexpected shape): <class 'str'>")
            return
        if not isinstance(message, dict) or "remote_addr" not in message or "content" not in message:
            self.log.info("Ignored message (unexpected shape): %s", type(message))
            return
        content = message["content"]
        if isinstance(content, str):
            content = decode_content(content)
        if isinstance(content, dict) and content.get("type") in STREAM_EVENT_TYPES:
            return  # another agent's stream event is not a prompt (two agents would trigger each other, Q20)
        self.on_prompt(str(message["remote_addr"]), prompt_of(content))

    def send_loop(self, sock, stop):
        """Sends queued events in order; an event that could not be written goes back to the front."""
        while not stop.is_set():
            try:
                event = self.outbox.get(timeout=0.2)
            except queue.Empty:
                continue
            try:
                sock.sendall(envelope(event).encode("ascii"))
            except OSError:
                with self.outbox.mutex:
                    self.outbox.queue.appendleft(event)
                return

    def session(self, sock):
        stop = threading.Event()
        sender = threading.Thread(target=self.send_loop, args=(sock, stop), daemon=True, name="sender")
        sender.start()
        buffered = b""
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    return
                buffered += data
                while b"\n" in buffered:
                    raw, buffered = buffered.split(b"\n", 1)
                    if len(raw) >= MAX_LINE_BYTES:
                        self.log.warning("Incoming line exceeded %d bytes; dropping", MAX_LINE_BYTES)
                        continue
                    self.on_line(raw.decode("utf-8", "replace"))
        finally:
            stop.set()
            sender.join()

    def run(self):
        """Primary server (config host/port win over the defaults), then the fallback, as the reference SDK does;
        the retry counter starts again after every successful connection."""
        stages = [
            ("Primary", self.config["host"] or self.args.host, self.config["port"] or self.args.port,
             self.config["primary_retry_limit"]),
            ("Default", self.config["default_host"] or self.args.host, self.config["default_port"] or self.args.port,
             self.config["default_retry_limit"]),
        ]
        for stage, host, port, limit in stages:
            attempts = 0
            while limit is None or attempts < limit:
                try:
                    sock = socket.create_connection((host, int(port)), timeout=10)
                except OSError as e:
                    attempts += 1
                    self.log.warning("[%s] (%s) retry %d of %s; sleeping %ss", e, stage, attempts, limit,
                                     self.config["retry_delay_seconds"])
                    time.sleep(self.config["retry_delay_seconds"])
                    continue
                attempts = 0
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.log.info("Connected to server at %s:%s", host, port)
                try:
                    self.session(sock)
                    self.log.info("Server closed the connection")
                except OSError as e:
                    self.log.warning("Connection lost: %s", e)
                finally:
                    sock.close()
                time.sleep(self.config["retry_delay_seconds"])
            self.log.warning("%s retry limit reached (%s)", stage, limit)
        self.log.critical("Cannot connect to any server; exiting")
        return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description="A Summoner stream agent on the Python standard library.")
    parser.add_argument("--config", dest="config_path", default="configs/client_config.json",
                        help="client config file with the reference client_config.json keys")
    parser.add_argument("--name", default="PyStreamAgent", help="logger name (default PyStreamAgent)")
    parser.add_argument("--host", default="127.0.0.1", help="relay host unless the config sets one")
    parser.add_argument("--port", type=int, default=8888, help="relay port unless the config sets one")
    parser.add_argument("--model", default="gpt-4o-mini")
    parser.add_argument("--llm-read-timeout-s", type=float, default=5.0,
                        help="a stalled LLM stream becomes stream_error after this many seconds without data")
    parser.add_argument("--bug", action="append", default=[], choices=BUGS,
                        help="inject a classic streaming bug (repeatable)")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config_path)
    except (OSError, ValueError) as e:
        print("agent.py: cannot read --config %s: %s" % (args.config_path, e), file=sys.stderr)
        return 2
    try:
        return StreamAgent(args, config).run()
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
