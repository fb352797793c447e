"""Real database failures for tests: a database that cannot be reached, one that never answers.

No mock: the application's own connection is replaced by one to a closed port (PostgreSQL) or
to a file in a missing folder (SQLite), or to a TCP server that accepts connections and never
says a word, which is what a client sees of a PostgreSQL that is stopped (SIGSTOP) or frozen:
the kernel completes the handshake, and nothing answers.
"""

import socket
import threading
from contextlib import contextmanager

from django.db import connections


def closed_port():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]  # closed again when the block ends


def unreachable_settings(tmp_path):
    """The default database's settings, pointed where no database is."""
    working = connections["default"].settings_dict
    if connections["default"].vendor == "sqlite":
        return {**working, "NAME": str(tmp_path / "gone" / "db.sqlite3")}
    return {**working, "HOST": "127.0.0.1", "PORT": closed_port()}


@contextmanager
def default_database(settings_dict):
    """Meanwhile, the default connection is a new one with ``settings_dict``, opened on first use
    (so inside the request that uses it first)."""
    working = connections["default"]
    replacement = working.__class__(settings_dict, "default")
    connections["default"] = replacement
    try:
        yield replacement
    finally:
        connections["default"] = working
        replacement.close()


class SilentServer:
    """Accepts TCP connections on a loopback port and never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self._clients = []
        self._arrived = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                client, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._arrived:
                self._clients.append(client)
                self._arrived.notify_all()

    def wait_for_clients(self, count, timeout):
        """Whether ``count`` clients have connected (and are waiting) within ``timeout`` s."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self._clients) >= count, timeout)

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self.listener.close()
        for client in self._clients:
            client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
