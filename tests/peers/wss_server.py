#!/usr/bin/python3
"""A python3-websockets wss:// echo server on 127.0.0.1 with a free port; prints "PORT <n>".
Usage: wss_server.py CERT.pem KEY.pem [--client-ca CA.pem]
With --client-ca the server requires a client certificate signed by that CA.
Every 101 carries "X-Test-Peer: python-wss"."""
import asyncio
import ssl
import sys

import websockets
from websockets.datastructures import Headers


async def echo(ws, path):
    try:
        async for message in ws:
            await ws.send(message)
    except websockets.ConnectionClosed:
        pass


async def main(cert, key, client_ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    extra = Headers()
    extra["X-Test-Peer"] = "python-wss"
    async with websockets.serve(echo, "127.0.0.1", 0, ssl=context, compression=None,
                                extra_headers=extra) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    args = sys.argv[1:]
    client_ca = None
    if "--client-ca" in args:
        i = args.index("--client-ca")
        client_ca = args[i + 1]
        del args[i:i + 2]
    asyncio.run(main(args[0], args[1], client_ca))
