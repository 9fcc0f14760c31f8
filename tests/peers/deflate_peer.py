#!/usr/bin/python3
"""python3-websockets with permessage-deflate (its default: context takeover both ways), for the proxy's
compressed-stream tests.
  deflate_peer.py server            echo server on 127.0.0.1, a free port; prints "PORT <n>" when ready
  deflate_peer.py client URL [--send TEXT]... [--expect N]
The client prints "OPEN <extensions>", then "RECV <text>" per message, then "CLOSED <code> <reason>", or
"ERROR ..." when the connection failed (a frame it could not inflate closes it with 1002/1007).
Bounded: the server ends after 120 s, the client after 20 s."""
import asyncio
import sys

import websockets


async def echo(ws, path=None):
    try:
        async for message in ws:
            await ws.send(message)
    except websockets.ConnectionClosed:
        pass


async def serve():
    async with websockets.serve(echo, "127.0.0.1", 0) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.sleep(120)


async def client(url, texts, expect):
    try:
        async with websockets.connect(url, open_timeout=10) as ws:
            print("OPEN", ws.response_headers.get("Sec-WebSocket-Extensions", "-"), flush=True)
            for text in texts:
                await ws.send(text)
            for _ in range(expect):
                message = await asyncio.wait_for(ws.recv(), 10)
                print("RECV", message, flush=True)
            await ws.close(1000, "client done")
            print("CLOSED", ws.close_code, ws.close_reason, flush=True)
    except websockets.ConnectionClosed as e:
        print("CLOSED", e.code, e.reason, flush=True)
    except Exception as e:  # noqa: BLE001 - the test reads whatever went wrong
        print("ERROR", type(e).__name__, e, flush=True)


def main():
    if sys.argv[1:2] == ["server"]:
        asyncio.run(serve())
        return
    url = sys.argv[2]
    texts, expect = [], 0
    args = sys.argv[3:]
    while args:
        if args[0] == "--send":
            texts.append(args[1])
        elif args[0] == "--expect":
            expect = int(args[1])
        args = args[2:]
    asyncio.run(asyncio.wait_for(client(url, texts, expect), 20))


if __name__ == "__main__":
    main()
