#!/usr/bin/env python3
"""Minimal asyncio relay in the shape of the reference Python relay (Summoner server.py).

Every line a client sends goes to every other connected client as json.dumps({"remote_addr": ..., "content": ...})
plus LF, written to one recipient after another, each write followed by an awaited drain(). Python standard library
only. It is the yardstick for the Java relay's CPU per delivered line (server-sim README, "Performance").

    python3 benchmarks/asyncio-relay/relay.py --port 18889
"""
import argparse
import asyncio
import json

# Every connected client, including ones that never send (the reference's self.clients).
clients = set()


async def handle(reader, writer):
    host, port = writer.get_extra_info("peername")[:2]
    addr = f"{host}:{port}"
    clients.add(writer)
    try:
        while True:
            # asyncio's default limit (2**16), as the reference: longer lines raise ValueError and end the session
            data = await reader.readline()
            if not data:
                break
            content = data.decode()
            if content.endswith("\n"):
                content = content[:-1]
            frame = (json.dumps({"remote_addr": addr, "content": content}) + "\n").encode()
            for other in list(clients):
                if other is not writer:
                    other.write(frame)
                    await other.drain()
    except (ConnectionError, UnicodeDecodeError, ValueError):
        pass
    finally:
        clients.discard(writer)
        try:
            writer.write(b"Warning: Server disconnected.")
            await writer.drain()
        except ConnectionError:
            pass
        writer.close()


async def serve(host, port):
    server = await asyncio.start_server(handle, host, port)
    print(f"asyncio relay listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description="Minimal asyncio relay in the shape of the reference Python relay.")
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=18889, help="listen port (default 18889)")
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.host, args.port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
