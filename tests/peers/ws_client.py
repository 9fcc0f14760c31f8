#!/usr/bin/python3
"""A python3-websockets client for WS Inspector's server tests. Prints one line per thing it saw:
  OPEN <subprotocol or ->     RECV <text>     BIN <hex>     CLOSED <code> <reason>     STATUS <http status>
  ERROR <text>
Usage: ws_client.py URL [--header "N: v"]... [--subprotocol P]... [--origin O] [--send TEXT]...
                        [--expect N] [--stay-ms MS] [--cafile PEM] [--proxy HOST:PORT] [--deflate]
                        [--flood COUNT SIZE]
With --proxy it opens the connection through that HTTP proxy: CONNECT host:port, then TLS (wss) and the
handshake inside the tunnel (python3-websockets 10 has no proxy support of its own). --deflate offers
permessage-deflate (the library's default; off otherwise). --flood sends COUNT text messages of SIZE bytes after the
--send ones, numbered as ws_server.py's flood ("0001 xxx...", from 1), as fast as the server takes them.
It sends the messages, waits until it received --expect messages (or --stay-ms passed), then closes with
1000, unless the server closes first. Bounded: it never runs longer than 20 s."""
import argparse
import asyncio
import socket
import ssl
import sys
import urllib.parse

import websockets


def tunnel(proxy, url):
    """A socket through the proxy's CONNECT tunnel to the URL's host and port; raises with the refusal."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "wss" else 80)
    host, _, proxy_port = proxy.rpartition(":")
    sock = socket.create_connection((host, int(proxy_port)), timeout=10)
    sock.sendall(b"CONNECT %s:%d HTTP/1.1\r\nHost: %s:%d\r\n\r\n" % (parts.hostname.encode(), port,
                                                                        parts.hostname.encode(), port))
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(4096)
        if not chunk:
            break
        answer += chunk
    status = answer.split(b"\r\n", 1)[0]
    if b" 200 " not in status + b" ":
        raise ConnectionError("proxy answered " + status.decode(errors="replace"))
    sock.setblocking(False)
    return sock


async def run(args):
    headers = []
    for h in args.header:
        name, _, value = h.partition(":")
        headers.append((name.strip(), value.strip()))
    context = None
    if args.url.startswith("wss://"):
        context = ssl.create_default_context(cafile=args.cafile)
    try:
        extra = {}
        if args.proxy:
            extra["sock"] = tunnel(args.proxy, args.url)
            if context:
                extra["server_hostname"] = urllib.parse.urlsplit(args.url).hostname
        async with websockets.connect(args.url, **extra, extra_headers=headers, subprotocols=args.subprotocol or None,
                                      origin=args.origin, compression="deflate" if args.deflate else None,
                                      ssl=context,
                                      open_timeout=10) as ws:
            print("OPEN", ws.subprotocol or "-", flush=True)
            for text in args.send:
                await ws.send(text)
            if args.flood:
                count, size = args.flood
                for number in range(1, count + 1):
                    head = str(number).rjust(4, "0") + " "
                    await ws.send(head + "x" * (size - len(head)))
            received = 0
            loop = asyncio.get_running_loop()
            deadline = loop.time() + args.stay_ms / 1000.0
            while received < args.expect or loop.time() < deadline:
                timeout = max(0.01, deadline - loop.time()) if received >= args.expect else 10
                try:
                    message = await asyncio.wait_for(ws.recv(), timeout)
                except asyncio.TimeoutError:
                    break
                received += 1
                if isinstance(message, bytes):
                    print("BIN", message.hex(), flush=True)
                else:
                    print("RECV", message, flush=True)
            await ws.close(1000, "client done")
            print("CLOSED", ws.close_code, ws.close_reason, flush=True)
    except websockets.InvalidStatusCode as e:
        print("STATUS", e.status_code, flush=True)
    except websockets.ConnectionClosed as e:
        print("CLOSED", e.code, e.reason, flush=True)
    except Exception as e:  # noqa: BLE001 - the test reads whatever went wrong
        print("ERROR", type(e).__name__, e, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--subprotocol", action="append", default=[])
    parser.add_argument("--origin")
    parser.add_argument("--send", action="append", default=[])
    parser.add_argument("--expect", type=int, default=0)
    parser.add_argument("--stay-ms", type=int, default=0)
    parser.add_argument("--cafile")
    parser.add_argument("--proxy")
    parser.add_argument("--deflate", action="store_true", help="offer permessage-deflate (the library's default)")
    parser.add_argument("--flood", type=int, nargs=2, metavar=("COUNT", "SIZE"))
    args = parser.parse_args()
    asyncio.run(asyncio.wait_for(run(args), 20))


if __name__ == "__main__":
    try:
        main()
    except asyncio.TimeoutError:
        print("ERROR timeout", flush=True)
        sys.exit(1)
