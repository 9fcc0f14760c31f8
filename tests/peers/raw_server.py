#!/usr/bin/python3
"""A raw-socket WebSocket server that breaks the rules on purpose, for WS Inspector's tests.

Listens on 127.0.0.1 with a free port and prints "PORT <n>". It completes a correct handshake itself
(no library), then sends the bytes that the request path names, and keeps the socket open for a moment.
Paths: see CASES. /bad-accept answers the upgrade with a wrong Sec-WebSocket-Accept. /report prints every
frame the client sends (see report_frames).
"""
import base64
import hashlib
import socket
import sys
import threading
import time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

CASES = {
    "/reserved-opcode": b"\x83\x00",
    "/rsv1": b"\xc1\x05hello",
    "/masked-server-frame": b"\x81\x85\x01\x02\x03\x04" + bytes(b ^ k for b, k in zip(b"hello", b"\x01\x02\x03\x04\x01")),
    "/fragmented-ping": b"\x09\x00",
    "/oversized-ping": b"\x89\x7e\x00\x7e" + b"p" * 126,
    "/invalid-utf8": b"\x81\x02\xc3\x28",
    "/invalid-close-code": b"\x88\x02\x03\xed",  # 1005
    "/one-byte-close": b"\x88\x01\x03",
    "/unexpected-continuation": b"\x80\x05hello",
    "/expected-continuation": b"\x01\x03Hel\x81\x02lo",
    "/non-minimal-length": b"\x81\x7e\x00\x05hello",
    "/length-high-bit": b"\x82\x7f\x80\x00\x00\x00\x00\x00\x00\x05hello",
    "/invalid-utf8-close-reason": b"\x88\x04\x03\xe8\xc3\x28",
    "/frame-after-close": b"\x88\x02\x03\xe8\x81\x02hi",
    "/ping-interleaved": b"\x01\x03Hel\x89\x02hi\x80\x02lo",
    "/silent": b"",
}


def recv_exact(conn, n, buffer):
    while len(buffer) < n:
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError
        buffer.extend(chunk)
    out = bytes(buffer[:n])
    del buffer[:n]
    return out


def report_frames(conn):
    """Prints every frame the client sends exactly as it arrived, unmasked payload in hex:
    FRAME fin=1 rsv=000 opcode=9 masked=1 key=a1b2c3d4 len=3 payload=010203"""
    buffer = bytearray()
    conn.settimeout(10)
    try:
        while True:
            b0, b1 = recv_exact(conn, 2, buffer)
            length = b1 & 0x7F
            if length == 126:
                length = int.from_bytes(recv_exact(conn, 2, buffer), "big")
            elif length == 127:
                length = int.from_bytes(recv_exact(conn, 8, buffer), "big")
            masked = b1 >> 7
            key = recv_exact(conn, 4, buffer) if masked else b""
            data = recv_exact(conn, length, buffer)
            if masked:
                data = bytes(c ^ key[i % 4] for i, c in enumerate(data))
            print("FRAME fin=%d rsv=%d%d%d opcode=%d masked=%d key=%s len=%d payload=%s" % (
                b0 >> 7, (b0 >> 6) & 1, (b0 >> 5) & 1, (b0 >> 4) & 1, b0 & 0x0F, masked, key.hex(), length,
                data.hex()), flush=True)
    except (EOFError, OSError):
        pass


def handle(conn):
    try:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        lines = head.split("\r\n")
        path = lines[0].split(" ")[1]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        key = headers.get("sec-websocket-key", "").encode()
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
        if path == "/bad-accept":
            accept = base64.b64encode(b"definitely wrong!!!!")
        conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
        if path == "/report":
            report_frames(conn)
            return
        payload = CASES.get(path, b"")
        if payload:
            conn.sendall(payload)
        # Keep the socket open a little so the client can react (it fails the connection itself).
        conn.settimeout(0.2)
        deadline = time.time() + (30 if path == "/silent" else 3)
        while time.time() < deadline:
            try:
                if not conn.recv(4096):
                    break
            except socket.timeout:
                continue
    except OSError:
        pass
    finally:
        conn.close()


def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    print("PORT", server.getsockname()[1], flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
