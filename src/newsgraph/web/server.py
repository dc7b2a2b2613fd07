"""The analyst web server: the JSON API under /api/ and one static page, standard library only.

Every request opens its own read-only connection (SQLite connections belong to
one thread, and the server runs a thread per request), so the server never
writes to the knowledge base nor holds it against a running ingest.
"""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from newsgraph.web import api, store

# The page's files, by request path; nothing else is served from disk.
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/app.css": ("app.css", "text/css; charset=utf-8"),
}
# The page loads only its own script and style and talks only to this server:
# a value that slipped into the page as markup could still not run or send anything.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                           "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def _static(name: str) -> bytes:
    return resources.files("newsgraph.web").joinpath("static", name).read_bytes()


class AnalystHandler(BaseHTTPRequestHandler):
    server: AnalystServer

    def version_string(self) -> str:
        return "newsgraph"  # no Python version in the Server header

    def do_GET(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def _refuse_method(self) -> None:
        self._send_json(HTTPStatus.METHOD_NOT_ALLOWED, _error(405, "the API is read-only: use GET"),
                        extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_PATCH = do_DELETE = _refuse_method  # noqa: N815

    def _respond(self, send_body: bool) -> None:
        self._send_body = send_body
        if not self._host_allowed():
            # A page on another site that rebinds its DNS name to 127.0.0.1 must not read the KB.
            self._send_json(HTTPStatus.FORBIDDEN, _error(403, "unexpected Host header"))
            return
        if api.is_api(self.path):
            self._answer_api()
            return
        entry = STATIC_FILES.get(urlsplit(self.path).path)
        if entry is None:
            self._send_json(HTTPStatus.NOT_FOUND, _error(404, f"nothing at {urlsplit(self.path).path}"))
            return
        name, content_type = entry
        self._send(HTTPStatus.OK, _static(name), content_type)

    def _host_allowed(self) -> bool:
        if self.server.bound_host not in LOOPBACK_NAMES:
            return True
        host = (self.headers.get("Host") or "").strip()
        if host.startswith("["):
            name = host[1:].split("]")[0]
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name.lower() in LOOPBACK_NAMES

    def _answer_api(self) -> None:
        try:
            conn = store.connect_readonly(self.server.kb_path)
        except sqlite3.Error as exc:
            self._send_json(HTTPStatus.SERVICE_UNAVAILABLE, _error(503, f"knowledge base unavailable: {exc}"))
            return
        try:
            payload = api.answer(conn, self.path)
        except api.ApiError as exc:
            self._send_json(HTTPStatus(exc.status), _error(exc.status, exc.message))
            return
        except Exception as exc:  # noqa: BLE001 (a request ends in a JSON error, never a dropped connection)
            self.log_error("error answering %s: %r", self.path, exc)
            self._send_json(HTTPStatus.INTERNAL_SERVER_ERROR, _error(500, "internal error, see server log"))
            return
        finally:
            conn.close()
        self._send_json(HTTPStatus.OK, payload)

    def _send_json(self, status: HTTPStatus, payload: Any, extra: dict[str, str] | None = None) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", extra)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if getattr(self, "_send_body", True):
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")


def _error(status: int, message: str) -> dict[str, Any]:
    return {"error": message, "status": status}


class AnalystServer(ThreadingHTTPServer):
    daemon_threads = True  # Ctrl-C does not wait for open connections

    def __init__(self, kb_path: str, host: str, port: int,
                 log: Callable[[str], None] | None = None) -> None:
        self.kb_path = kb_path
        self.bound_host = host
        self.log = log
        super().__init__((host, port), AnalystHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"


class _AnalystServer6(AnalystServer):
    address_family = socket.AF_INET6


def make_server(kb_path: str, host: str = "127.0.0.1", port: int = 8000,
                log: Callable[[str], None] | None = None) -> AnalystServer:
    """A server for the knowledge base file ``kb_path`` (port 0 picks a free port); call serve_forever()."""
    server_class = _AnalystServer6 if ":" in host else AnalystServer
    return server_class(kb_path, host, port, log)


def serve_until_interrupted(server: AnalystServer) -> None:
    """Answer requests until Ctrl-C, then release the port."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
