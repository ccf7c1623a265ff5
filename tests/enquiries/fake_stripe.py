"""A small stand-in for Stripe's API: Checkout Sessions over real HTTP on 127.0.0.1.

The real `stripe` library talks to it (settings.STRIPE_API_BASE), so tests cover
the request the library actually sends (form encoding, Idempotency-Key header,
error mapping) without the network. It keeps sessions in memory; tests move them
along (`complete`, `expire`, `refund`) the way a buyer or Stripe would, and make
it misbehave (`fail` answers an error, `stall` answers late) the way Stripe can.
"""

import hashlib
import hmac
import itertools
import json
import re
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

SESSION_PATH = re.compile(r"^/v1/checkout/sessions/(?P<id>[A-Za-z0-9_]+)$")
CHECKOUT_PAGE = re.compile(r"^/c/pay/(?P<id>[A-Za-z0-9_]+)$")


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    params: dict[str, Any]

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


def unflatten(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding back to nested data: `a[b][0][c]=x` → {"a": {"b": [{"c": "x"}]}}."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_lists(node[key]) for key in sorted(node, key=int)]
    return {key: _lists(value) for key, value in node.items()}


class FakeStripe:
    def __init__(self, api_key: str = "sk_test_fake"):
        self.api_key = api_key
        self.sessions: dict[str, dict[str, Any]] = {}
        self.payment_intents: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self.requests: list[RecordedRequest] = []
        # (HTTP status, error dict) answered to every request until cleared.
        self.failure: tuple[int, dict[str, Any]] | None = None
        # Seconds every answer waits (a Stripe that hangs); `stop` cuts the wait short.
        self.delay = 0.0
        self._stopping = threading.Event()
        # Where the hosted page delivers checkout.session.completed, signed, as Stripe
        # does: (url, signing secret). None: no webhook, the test delivers its own.
        self.webhook: tuple[str, str] | None = None
        self._replays: dict[str, tuple[int, dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeStripe":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # --- What tests use ------------------------------------------------------

    def fail(self, status: int = 500, message: str = "Something went wrong on Stripe's end."):
        error_type = "api_error" if status >= 500 else "invalid_request_error"
        self.failure = (status, {"type": error_type, "message": message})

    def stall(self, seconds: float) -> None:
        self.delay = seconds

    def session_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.startswith("/v1/checkout/sessions")]

    def complete(self, session_id: str, *, payment_status: str = "paid", intent_status=None):
        """The buyer went through Checkout; `payment_status="unpaid"` for a bank debit."""
        session = self.sessions[session_id]
        intent_id = f"pi_test_{next(self._ids):06d}"
        charge_id = f"ch_test_{next(self._ids):06d}"
        session.update(status="complete", payment_status=payment_status, payment_intent=intent_id)
        self.charges[charge_id] = {
            "id": charge_id,
            "object": "charge",
            "amount": session["amount_total"],
            "amount_refunded": 0,
            "refunded": False,
            "currency": session["currency"],
            "payment_intent": intent_id,
            "metadata": {},
        }
        self.payment_intents[intent_id] = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "status": intent_status or ("succeeded" if payment_status == "paid" else "processing"),
            "metadata": session["metadata"],
            "latest_charge": charge_id,
        }
        return session

    def refund(self, session_id: str, amount: int | None = None) -> dict[str, Any]:
        """Refund `amount` (minor units; the rest of the charge if None) as the dashboard would.

        Returns the charge, as a charge.refunded event carries it.
        """
        intent = self.payment_intents[self.sessions[session_id]["payment_intent"]]
        charge = self.charges[intent["latest_charge"]]
        left = charge["amount"] - charge["amount_refunded"]
        charge["amount_refunded"] += left if amount is None else min(amount, left)
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        return dict(charge)

    def expire(self, session_id: str):
        session = self.sessions[session_id]
        session.update(status="expired", url=None)
        return session

    # --- The API -------------------------------------------------------------

    def _create_session(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        line_items = params.get("line_items") or []
        if not line_items or params.get("mode") != "payment":
            return 400, self._error("invalid_request_error", "line_items and mode are required")
        currencies = {item["price_data"]["currency"] for item in line_items}
        if len(currencies) != 1:
            return 400, self._error("invalid_request_error", "All prices must share a currency")
        session_id = f"cs_test_{next(self._ids):06d}"
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "amount_total": sum(
                int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1))
                for item in line_items
            ),
            "currency": currencies.pop(),
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "locale": params.get("locale"),
            "metadata": params.get("metadata") or {},
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            # The fake's own hosted page (below), so a browser test can pay.
            "url": f"{self.url}/c/pay/{session_id}",
            "livemode": False,
        }
        self.sessions[session_id] = session
        return 200, session

    def _retrieve_session(self, session_id: str, params: dict[str, Any]):
        session = self.sessions.get(session_id)
        if session is None:
            return 404, self._error(
                "invalid_request_error", f"No such checkout.session: '{session_id}'"
            )
        session = dict(session)
        expand = params.get("expand") or []
        if "payment_intent" in expand and session["payment_intent"]:
            intent = dict(self.payment_intents[session["payment_intent"]])
            if "payment_intent.latest_charge" in expand:
                intent["latest_charge"] = dict(self.charges[intent["latest_charge"]])
            session["payment_intent"] = intent
        return 200, session

    @staticmethod
    def _error(error_type: str, message: str) -> dict[str, Any]:
        return {"type": error_type, "message": message}

    def _answer(self, method: str, path: str, headers: dict[str, str], body: str):
        url = urlsplit(path)
        params = unflatten(parse_qsl(body or url.query, keep_blank_values=True))
        key = headers.get("idempotency-key")
        with self._lock:
            self.requests.append(RecordedRequest(method, url.path, headers, params))
            if headers.get("authorization") != f"Bearer {self.api_key}":
                return 401, self._error("invalid_request_error", "Invalid API Key provided")
            if self.failure:
                return self.failure
            # Stripe answers a repeated key with the first answer, without acting again.
            if method == "POST" and key in self._replays:
                return self._replays[key]
            if method == "POST" and url.path == "/v1/checkout/sessions":
                answer = self._create_session(params)
            elif method == "GET" and (match := SESSION_PATH.match(url.path)):
                answer = self._retrieve_session(match["id"], params)
            else:
                answer = (
                    404,
                    self._error("invalid_request_error", f"Unrecognized request URL ({url.path})"),
                )
            if method == "POST" and key:
                self._replays[key] = answer
            return answer

    # --- The hosted Checkout page (what the buyer's browser sees) -------------

    def _checkout_page(self, session_id: str) -> str:
        session = self.sessions[session_id]
        amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
        return (
            "<!DOCTYPE html><html lang='en'><head><title>Fake Stripe Checkout</title></head>"
            f"<body><h1>Pay {amount}</h1><form method='post'>"
            "<button type='submit'>Pay</button></form>"
            f"<a href='{session['cancel_url']}'>Back</a></body></html>"
        )

    def _pay(self, session_id: str) -> str:
        """Complete the session, deliver the signed webhook, and return the success URL."""
        session = self.complete(session_id)
        if self.webhook:
            self._deliver("checkout.session.completed", session)
        return session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)

    def _deliver(self, event_type: str, data_object: dict[str, Any]) -> None:
        url, secret = self.webhook
        event = {
            "id": f"evt_fake_{next(self._ids):06d}",
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "livemode": False,
            "data": {"object": data_object},
        }
        body = json.dumps(event).encode()
        timestamp = int(time.time())
        digest = hmac.new(
            secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
        ).hexdigest()
        request = urllib.request.Request(
            url,
            data=body,
            headers={
                "Content-Type": "application/json",
                "Stripe-Signature": f"t={timestamp},v1={digest}",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _respond(self):
                if fake.delay:
                    fake._stopping.wait(fake.delay)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                headers = {name.lower(): value for name, value in self.headers.items()}
                status, data = fake._answer(self.command, self.path, headers, body)
                payload = json.dumps(data if status < 400 else {"error": data}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Request-Id", f"req_fake_{len(fake.requests)}")
                if status >= 400:
                    # As Stripe does when a retry can't help; keeps tests free of backoff sleeps.
                    self.send_header("Stripe-Should-Retry", "false")
                self.end_headers()
                self.wfile.write(payload)

            def _hosted_page(self) -> bool:
                match = CHECKOUT_PAGE.match(urlsplit(self.path).path)
                if not match or match["id"] not in fake.sessions:
                    return False
                if self.command == "POST":
                    self.send_response(303)
                    self.send_header("Location", fake._pay(match["id"]))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return True
                page = fake._checkout_page(match["id"]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return True

            def do_GET(self):
                if not self._hosted_page():
                    self._respond()

            def do_POST(self):
                if not self._hosted_page():
                    self._respond()

            do_DELETE = _respond

            def log_message(self, format, *args):
                pass

        return Handler
