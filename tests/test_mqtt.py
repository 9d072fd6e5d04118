"""An MQTT target through a real mosquitto broker (issue 14 item 15).

Apprise's MQTT service shows only text and cannot turn Markdown into text, so
the body format must follow what the target declares: a fan's MQTT client got
``**Narcos S2**`` before.  The test starts its own broker on a free port and
stops it; without mosquitto it is skipped, except under CI (``CI=true``),
where ``.ci/run`` installs it and its absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from articles import DAY
from runner import RunCli
from servers import PageServer

paho = pytest.importorskip("paho.mqtt.client")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[int]:
    """A mosquitto broker on 127.0.0.1; yields its port."""
    binary = shutil.which("mosquitto") or next(
        (p for p in ("/usr/sbin/mosquitto", "/usr/bin/mosquitto") if os.path.exists(p)), None)
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("mosquitto is not installed (.ci/run installs it: apt-get install -y mosquitto)")
        pytest.skip("mosquitto is not installed (apt-get install -y mosquitto)")
    port = _free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    proc = subprocess.Popen([binary, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    why = proc.stderr.read() if proc.stderr else ""
                    raise AssertionError(f"mosquitto did not start: {why}") from None
                time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


class Subscriber:
    """Collects what arrives on a topic."""

    def __init__(self, port: int, topic: str) -> None:
        self.messages: list[str] = []
        self._ready = threading.Event()
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2)
        self.client.on_connect = lambda client, *_: client.subscribe(topic, qos=1)
        self.client.on_subscribe = lambda *_: self._ready.set()
        self.client.on_message = lambda _c, _u, msg: self.messages.append(msg.payload.decode())
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        assert self._ready.wait(10), "the subscription was not confirmed"

    def wait(self, count: int, timeout: float = 15) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


def test_an_mqtt_target_gets_text_not_markdown(tmp_path: Path, run_cli: RunCli, broker: int,
                                               page_server: PageServer) -> None:
    page_server.route("/narcos", DAY.replace("premiere on", "premiere (@everyone) on"))
    config = tmp_path / "watchlist.toml"
    config.write_text(f"""
[settings]
database = "state.db"
host_delay = "0s"
[[notifier]]
name = "home"
url = "mqtt://127.0.0.1:{broker}/premiere/alerts"
title_template = "{{label}}: {{evidence}}"
[[watch]]
title = "Narcos"
season = 2
sources = ["{page_server.url('/narcos')}"]
""")
    subscriber = Subscriber(broker, "premiere/alerts")
    try:
        proc = run_cli("check", "-c", str(config))
        assert proc.returncode == 0, proc.stderr
        [payload] = subscriber.wait(1)
    finally:
        subscriber.close()
    assert "Narcos S2" in payload and "Friday, September 2, 2016" in payload
    assert "**" not in payload and "\\" not in payload  # no Markdown, no Markdown escapes: plain text
    assert "@everyone" not in payload and "@\u200beveryone" in payload
