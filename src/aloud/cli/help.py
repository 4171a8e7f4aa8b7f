"""Help as a terminal user reads it: an argument by its name in the usage line
(`aloud build [OPTIONS] INPUT...`) and in its own list, without a type label."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand


class PlainHelpCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                shown = param.metavar or (param.name or "").upper()
                # The instance's own: typer shows "{INPUT}" and "<list[str]>" otherwise.
                param.get_usage_pieces = lambda ctx, shown=shown, p=param: [shown if p.required else f"[{shown}]"]
                param.display_type_rich = lambda ctx: None
