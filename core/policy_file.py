"""Read the policy file (the flows own all file reading) and turn its problems into exit 2."""
from __future__ import annotations

from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.transforms.policy import Policy, PolicyError, policy_from_toml


def load_policy(path: Path) -> Policy:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the policy file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: policy file must be UTF-8") from exc
    try:
        return policy_from_toml(text)
    except PolicyError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
