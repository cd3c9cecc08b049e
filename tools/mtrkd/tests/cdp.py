"""A minimal Chrome DevTools Protocol client over a raw WebSocket (RFC 6455,
standard library only): enough to drive headless Chromium from a test —
navigate, evaluate JavaScript, take a screenshot."""
from __future__ import annotations

import base64
import json
import os
import socket
import struct
import subprocess
import time
import urllib.request


class Browser:
    def __init__(self, chromium: str, flags: list, profile: str) -> None:
        self.proc = subprocess.Popen([chromium, *flags, "--user-data-dir=" + profile, "--remote-debugging-port=0",
                                      "--window-size=1200,1400", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        end = time.time() + 60
        def ready() -> bool:
            if not os.path.exists(port_file):
                return False
            with open(port_file) as f:
                return f.read().count("\n") >= 1
        while not ready():
            if time.time() > end or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        with open(port_file) as f:
            port = int(f.readline())
        pages = []
        while not pages and time.time() < end:
            with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port) as r:
                pages = [t for t in json.load(r) if t["type"] == "page"]
            time.sleep(0.1)
        ws = pages[0]["webSocketDebuggerUrl"]
        path = ws.split("/", 3)[3]
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET /%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, port, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("no WebSocket upgrade: %r" % head)
        self.next_id = 0

    def _recv_exact(self, n: int) -> bytes:
        b = b""
        while len(b) < n:
            chunk = self.sock.recv(n - len(b))
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            b += chunk
        return b

    def _recv_message(self) -> dict:
        data = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            data += self._recv_exact(n)
            if b0 & 0x80:
                return json.loads(data)

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(payload)
        hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                               bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                               bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(hdr + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload)))
        while True:
            m = self._recv_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m["result"]

    def evaluate(self, expr: str):
        r = self.send("Runtime.evaluate", expression=expr, returnByValue=True)
        return r["result"].get("value")

    def wait_for(self, expr: str, timeout: float = 30) -> bool:
        end = time.time() + timeout
        while time.time() < end:
            if self.evaluate(expr):
                return True
            time.sleep(0.1)
        return False

    def screenshot(self, path: str) -> None:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.sock.close()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
