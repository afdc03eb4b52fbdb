import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check_deploy(extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    skip = {"DEBUG", "HTTPS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        {
            "SECRET_KEY": "x" * 30 + "-production-secret-key-" + "y" * 30,
            "ALLOWED_HOSTS": "kimtra.vn",
        }
    )
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_settings_pass_check_deploy():
    result = _check_deploy({"DEBUG": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_defaults_to_off():
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DEBUG"},
            "DJANGO_SETTINGS_MODULE": "truyenthong.settings",
            "SECRET_KEY": "k" * 60,
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "False", result.stderr
