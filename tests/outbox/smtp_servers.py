"""Mail servers on 127.0.0.1 for the fault tests: a real one (aiosmtpd) and broken ones."""

import socket
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A port nothing listens on (a connection to it is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Recorder:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.mail_from, list(envelope.rcpt_tos), message_from_bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


class GoodSMTPServer:
    """aiosmtpd in a thread; `messages` holds (envelope sender, recipients, parsed message)."""

    def __init__(self):
        self._recorder = _Recorder()
        self.controller = Controller(self._recorder, hostname="127.0.0.1", port=free_port())
        self.port = self.controller.port

    @property
    def messages(self):
        return self._recorder.messages

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


class BrokenSMTPServer:
    """Accepts connections, then greets with `greeting` and hangs up, or stalls forever.

    greeting=None: the "silent server" that accepts and never says a word.
    """

    def __init__(self, greeting: bytes | None):
        self.greeting = greeting
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._held = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _address = self._listener.accept()
            except TimeoutError:
                continue
            if self.greeting is None:
                self._held.append(conn)
            else:
                try:
                    conn.sendall(self.greeting)
                finally:
                    conn.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=2)
        self._listener.close()
        for conn in self._held:
            conn.close()


class RefusingSMTPServer:
    """Nothing listening: every connection is refused."""

    def __init__(self):
        self.port = free_port()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


FAULTS = {
    "refused": lambda: RefusingSMTPServer(),
    "421": lambda: BrokenSMTPServer(b"421 Service not available\r\n"),
    "stall": lambda: BrokenSMTPServer(None),
}
