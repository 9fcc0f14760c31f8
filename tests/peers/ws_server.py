#!/usr/bin/python3
"""A python3-websockets server for WS Inspector's tests, on 127.0.0.1 with a free port.

It prints "PORT <n>" when ready. The request path picks the behaviour:
  /echo        echo every message (default for any other path)
  /reject      answer the upgrade with 403 and a text body
  /fragmented  send one text message in three fragments, then echo
  /close4001   close at once with 4001 "bye now"
  /ping        send a ping with payload "are-you-there", then echo
  /drop        drop TCP without a Close frame after the first message
  /pushback    echo every message; "flood N SIZE" is answered with N text messages of SIZE bytes ("0001 xxx..."),
               then "flood done"
  /jsonrpc     answer each JSON-RPC 2.0 request 30 ms later: "sum" with the sum of its params, anything
               else with error -32601; notifications get no answer
Every response carries "X-Test-Peer: python-websockets" and "X-Repeat" twice; subprotocols chat and
superchat are supported (the server picks the first one the client offers).
"--port N" listens on that port instead of a free one (tests restart a server on the same port).
"""
import asyncio
import http
import json
import sys

import websockets
from websockets.datastructures import Headers


def process_request(path, request_headers):
    if path.startswith("/reject"):
        headers = Headers()
        headers["X-Test-Peer"] = "python-websockets"
        headers["Content-Type"] = "text/plain"
        return http.HTTPStatus.FORBIDDEN, headers, b"forbidden: token missing\n"
    return None


async def answer_json_rpc(ws):
    try:
        async for message in ws:
            request = json.loads(message)
            if "id" not in request:
                continue
            await asyncio.sleep(0.03)
            if request.get("method") == "sum":
                reply = {"jsonrpc": "2.0", "id": request["id"], "result": sum(request.get("params", []))}
            else:
                reply = {"jsonrpc": "2.0", "id": request["id"],
                         "error": {"code": -32601, "message": "Method not found"}}
            await ws.send(json.dumps(reply))
    except websockets.ConnectionClosed:
        pass


async def push_back(ws):
    try:
        async for message in ws:
            words = message.split(" ") if isinstance(message, str) else []
            if len(words) == 3 and words[0] == "flood":
                count, size = int(words[1]), int(words[2])
                for i in range(count):
                    head = "%04d " % (i + 1)
                    await ws.send(head + "x" * max(0, size - len(head)))
                await ws.send("flood done")
            else:
                await ws.send(message)
    except websockets.ConnectionClosed:
        pass


async def handler(ws, path):
    if path.startswith("/fragmented"):
        await ws.send(["Hel", "lo, ", "fragments"])
    elif path.startswith("/close4001"):
        await ws.close(4001, "bye now")
        return
    elif path.startswith("/ping"):
        await ws.ping(b"are-you-there")
    elif path.startswith("/jsonrpc"):
        await answer_json_rpc(ws)
        return
    elif path.startswith("/drop"):
        await ws.recv()
        ws.transport.abort()
        return
    elif path.startswith("/pushback"):
        await push_back(ws)
        return
    try:
        async for message in ws:
            await ws.send(message)
    except websockets.ConnectionClosed:
        pass


def requested_port():
    if "--port" in sys.argv:
        return int(sys.argv[sys.argv.index("--port") + 1])
    return 0


async def main():
    extra = Headers()
    extra["X-Test-Peer"] = "python-websockets"
    extra["X-Repeat"] = "one"
    extra["X-Repeat"] = "two"
    async with websockets.serve(handler, "127.0.0.1", requested_port(), subprotocols=["chat", "superchat"],
                                extra_headers=extra, process_request=process_request,
                                compression=None) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
