"""Plug-in points by name: readers, engines, executors and exporters each keep a registry
of their own, `name → "package.module:Class"`, and any name may itself be such a path,
for an implementation that lives outside aloud."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from aloud.errors import UsageError


def load_class(kind: str, name: str, registry: Mapping[str, str]) -> Any:
    """The class registered as `name` (or named by it), or a UsageError naming the choices."""
    target = registry.get(name, name)
    if ":" not in target:
        raise UsageError(f"unknown {kind} {name!r}; choose from {', '.join(registry)}")
    module_name, _, class_name = target.partition(":")
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"{kind} {name!r} cannot be loaded: {exc}") from None


def module_of(name: str, registry: Mapping[str, str]) -> str:
    """The module that holds the class registered as `name`."""
    return registry.get(name, name).partition(":")[0]
