"""A local fake of GOV.UK Notify's HTTP API for the delivery tests: the real client library
sends to it, and it checks what Notify itself would (the JWT signed with the key's secret and
issued by its service, the request's fields) before answering as Notify does."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

SERVICE_ID = "4f1d6c52-7a4b-4a0e-9c3e-2b8f0c9d1e11"
SECRET = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
API_KEY = f"portal_test-{SERVICE_ID}-{SECRET}"

REQUIRED = {
    "/v2/notifications/email": {"email_address", "template_id"},
    "/v2/notifications/sms": {"phone_number", "template_id"},
}


class FakeNotify:
    def __init__(self):
        self.requests = []
        self.failing = False
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                problem = fake.problem(self.path, self.headers, body)
                if problem:
                    return self.answer(400 if problem != "auth" else 403, {"errors": [problem]})
                if fake.failing:
                    return self.answer(500, {"errors": ["Internal server error"]})
                notification = {"id": str(uuid.uuid4()), "reference": body.get("reference")}
                fake.requests.append({"path": self.path, "body": body, **notification})
                return self.answer(201, notification)

            def answer(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def problem(self, path, headers, body):
        if path not in REQUIRED:
            return f"unknown path {path}"
        token = headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        except jwt.PyJWTError:
            return "auth"
        if claims.get("iss") != SERVICE_ID:
            return "auth"
        missing = REQUIRED[path] - body.keys()
        if missing:
            return f"missing {sorted(missing)}"
        if not isinstance(body.get("personalisation", {}), dict):
            return "personalisation must be an object"
        return ""

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
