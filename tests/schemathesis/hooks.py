"""Schemathesis hooks for `cargo xtask test`: log in as the person the run is for.

TRELLIS_FUZZ_EMAIL and TRELLIS_FUZZ_PASSWORD name the demo user; without them the run is anonymous.
The session cookie is fetched once and again whenever the server answers 401 (the fuzzer may
call logout, or log out everywhere). If the fuzzer changes the user's own password, the new one
is used for the next login.
"""

import json
import os

import httpx
import schemathesis

EMAIL = os.environ.get("TRELLIS_FUZZ_EMAIL")
BASE_URL = os.environ["TRELLIS_FUZZ_URL"]
state = {"password": os.environ.get("TRELLIS_FUZZ_PASSWORD", ""), "me": None}


def _own_user_path():
    return f"/api/users/{state['me']}" if state["me"] else None


if EMAIL:

    @schemathesis.auth()
    class Session:
        def get(self, case, ctx):
            reply = httpx.post(
                f"{BASE_URL}/api/auth/login",
                json={"email": EMAIL, "password": state["password"]},
                timeout=30,
            )
            reply.raise_for_status()
            state["me"] = reply.json()["user"]["id"]
            return reply.cookies["trellis_session"]

        def set(self, case, data, ctx):
            case.cookies = {**(case.cookies or {}), "trellis_session": data}

    @schemathesis.hook
    def after_call(ctx, case, response):
        # A successful edit of oneself that set a password changes how to log in next.
        if case.method.upper() == "PUT" and response.status_code == 200:
            path = case.formatted_path
            if path == _own_user_path() and isinstance(case.body, dict):
                password = case.body.get("password")
                if isinstance(password, str):
                    state["password"] = password


@schemathesis.hook
def filter_query(ctx, query):
    # A cursor is opaque: only a `next_cursor` the server gave out is valid, and no generator can
    # make one, so generated cursors are left out (the Rust tests send bad ones: tests/contract.rs).
    return not (query and query.get("cursor"))
