#!/usr/bin/python3
"""A python3-websockets echo server that negotiates permessage-deflate (the library's default), for the
deflate tests through `wsinspector-cli proxy`. Prints "PORT <n>" once listening; echoes every message
unchanged; exits when killed or after --lifetime seconds, so that a crashed test never leaves it behind."""
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


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=120.0)
    args = parser.parse_args()
    async with websockets.serve(echo, "127.0.0.1", args.port, compression="deflate") as server:
        print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
        await asyncio.sleep(args.lifetime)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
