#!/usr/bin/python3
"""A python3-websockets echo server with a short keepalive, for the tests of holding a message in
`wsinspector-cli proxy`: it pings every --ping-interval seconds and fails the connection (1011 "keepalive ping
timeout") when the pong does not come within --ping-timeout, as the library does with its 20 s defaults.
Prints "PORT <n>" once listening and "ENDED <code> <reason>" for each connection that ended; echoes every message
unchanged; no compression. Exits when killed or after --lifetime seconds, so that a crashed test never leaves it
behind."""
import argparse
import asyncio
import sys

import websockets


async def echo(websocket, path=None):
    try:
        async for message in websocket:
            await websocket.send(message)
    except websockets.ConnectionClosed:
        pass
    print("ENDED", websocket.close_code, websocket.close_reason, flush=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ping-interval", type=float, default=0.3)
    parser.add_argument("--ping-timeout", type=float, default=0.3)
    parser.add_argument("--lifetime", type=float, default=120.0)
    args = parser.parse_args()
    async with websockets.serve(echo, "127.0.0.1", 0, compression=None, ping_interval=args.ping_interval,
                                ping_timeout=args.ping_timeout) as server:
        print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
        await asyncio.sleep(args.lifetime)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
