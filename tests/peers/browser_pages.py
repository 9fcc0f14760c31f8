#!/usr/bin/python3
"""Pages and WebSocket echo servers for the forward proxy's browser test, all on 127.0.0.1 with free ports.

Usage: browser_pages.py CERT KEY [--deflate]. Serves page.html over http and https (CERT/KEY, from a CA the test made), and
python3-websockets echo servers over ws and wss (the same certificate). The page opens a WebSocket to the URL in
its query string (the servers negotiate permessage-deflate only with --deflate), sends "hello from chromium" once open, and puts what comes back in its title.
Prints "PORT <http>" then "PORTS <http> <https> <ws> <wss>" when everything listens, and "RECV <text>" for every
message a WebSocket server receives (before echoing it).
"""
import asyncio
import http.server
import ssl
import sys
import threading

import websockets

PAGE = b"""<!DOCTYPE html>
<html><head><title>waiting</title></head><body><script>
const ws = new WebSocket(decodeURIComponent(location.search.slice(1)));
ws.onopen = () => ws.send("hello from chromium");
ws.onmessage = (event) => { document.title = "echo " + event.data; };
</script></body></html>
"""


class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


def serve_pages(context):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    if context:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


async def echo(websocket, path=None):
    async for message in websocket:
        print("RECV", message, flush=True)
        await websocket.send(message)


async def main(cert, key, deflate):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    http_port = serve_pages(None)
    https_port = serve_pages(context)
    # Compression off unless asked: the text then crosses both legs as it was sent.
    compression = "deflate" if deflate else None
    async with websockets.serve(echo, "127.0.0.1", 0, compression=compression) as ws, websockets.serve(
        echo, "127.0.0.1", 0, ssl=context, compression=compression
    ) as wss:
        print("PORT", http_port, flush=True)
        print("PORTS", http_port, https_port, ws.sockets[0].getsockname()[1], wss.sockets[0].getsockname()[1],
              flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], "--deflate" in sys.argv[3:]))
