"""Read the policy file and turn its problems into exit 2."""
from __future__ import annotations

from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.transforms.policy import Policy, PolicyError, policy_from_toml


def load_policy(path: Path) -> Policy:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the policy file ({exc.strerror})") from exc
    return policy_from_bytes(data, str(path))


def policy_from_bytes(data: bytes, label: str) -> Policy:
    """The policy in `data` (a run passes its archived copy's bytes); errors name `label`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{label}: policy file must be UTF-8") from exc
    try:
        return policy_from_toml(text)
    except PolicyError as exc:
        raise ConfigError(f"{label}: {exc}") from exc
