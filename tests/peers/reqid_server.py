#!/usr/bin/python3
"""A python3-websockets server speaking a made-up request/reply protocol, for the pairing rule's tests.

It prints "PORT <n>" when ready, on 127.0.0.1 with a free port. Each text message that is a JSON object with
"reqId" is answered with {"inReplyTo": <reqId>, "ok": true} after "delay_ms" milliseconds (default 40), each
request on its own, so a request with a longer delay is answered after a later one with a shorter delay.
Anything else gets no answer. It exits when killed, or on its own after --lifetime seconds.
"""
import argparse
import asyncio
import json
import sys

import websockets


async def answer(ws, request):
    await asyncio.sleep(float(request.get("delay_ms", 40)) / 1000.0)
    try:
        await ws.send(json.dumps({"inReplyTo": request["reqId"], "ok": True}))
    except websockets.ConnectionClosed:
        pass


async def handler(ws, path=None):
    pending = set()
    try:
        async for message in ws:
            if not isinstance(message, str):
                continue
            try:
                request = json.loads(message)
            except ValueError:
                continue
            if isinstance(request, dict) and "reqId" in request:
                task = asyncio.ensure_future(answer(ws, request))
                pending.add(task)
                task.add_done_callback(pending.discard)
    except websockets.ConnectionClosed:
        pass
    # Answers still on their way when the client closes go nowhere.
    for task in pending:
        task.cancel()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lifetime", type=float, default=300.0)
    args = parser.parse_args()
    async with websockets.serve(handler, "127.0.0.1", 0, compression=None) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.sleep(args.lifetime)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
