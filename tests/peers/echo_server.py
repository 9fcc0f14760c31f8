#!/usr/bin/python3
"""Echo server for the GUI tests: python3-websockets on 127.0.0.1 with a free port.

Prints "PORT <n>" on stdout once it is listening, answers every upgrade with an extra
"X-Test-Server: py" response header, and echoes every message back unchanged (text as text,
binary as binary). A request for a path starting with /reject is refused with 403 and a text body.
It exits when stdin closes or when killed, and on its own after --lifetime seconds
so that a crashed test never leaves it behind.
"""
import argparse
import asyncio
import http
import sys

import websockets


async def echo(websocket, path=None):
    try:
        async for message in websocket:
            await websocket.send(message)
    except websockets.ConnectionClosed:
        pass


def refuse_reject_paths(path, request_headers):
    if path.startswith("/reject"):
        return (http.HTTPStatus.FORBIDDEN,
                [("X-Test-Server", "py"), ("Content-Type", "text/plain")],
                b"forbidden: token missing\n")
    return None


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=300.0)
    args = parser.parse_args()
    async with websockets.serve(echo, "127.0.0.1", args.port,
                                extra_headers={"X-Test-Server": "py"},
                                process_request=refuse_reject_paths,
                                compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        await asyncio.sleep(args.lifetime)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
