"""Plug-in points by name: readers, engines, executors and exporters each keep a registry
of their own, `name → "package.module:Class"`, and any name may itself be such a path,
for an implementation that lives outside aloud.

What a name loads must be a class with every method of its protocol, so that
`--engine os:system` or `--engine json:JSONDecoder` is one clear line, not a traceback
half-way through a build."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping
from typing import Any

from aloud.errors import UsageError


def load_class(kind: str, name: str, registry: Mapping[str, str], protocol: type | None = None) -> Any:
    """The class registered as `name` (or named by it), or a UsageError naming the choices;
    with `protocol`, a class that lacks one of its methods is refused too."""
    target = registry.get(name, name)
    if ":" not in target:
        raise UsageError(f"unknown {kind} {name!r}; choose from {', '.join(registry)}")
    module_name, _, class_name = target.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:  # ValueError: an empty module name
        raise UsageError(f"{kind} {name!r} cannot be loaded: {exc}") from None
    if not inspect.isclass(found):
        raise UsageError(f"{kind} {name!r} is not a class but {type(found).__name__} {target!r}")
    missing = [m for m in required_methods(protocol) if not callable(getattr(found, m, None))] if protocol else []
    if missing:
        raise UsageError(f"{kind} {name!r} is not a usable {kind}: {target} has no {', '.join(missing)}")
    return found


def make(kind: str, name: str, registry: Mapping[str, str], protocol: type, *args: Any) -> Any:
    """An instance of the class `name` loads (see load_class), made with `args`."""
    cls = load_class(kind, name, registry, protocol)
    try:
        return cls(*args)
    except TypeError as exc:  # a constructor that wants what a plug-in is not given
        raise UsageError(f"{kind} {name!r} cannot be made: {exc}") from None


def required_methods(protocol: type) -> list[str]:
    """The public methods a protocol class declares."""
    return [n for n, v in vars(protocol).items() if not n.startswith("_") and inspect.isfunction(v)]


def module_of(name: str, registry: Mapping[str, str]) -> str:
    """The module that holds the class registered as `name`."""
    return registry.get(name, name).partition(":")[0]
