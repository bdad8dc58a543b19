"""Components by name, in the spirit of spaCy's ``Language.factory`` and catalogue.

A component is a factory ``factory(extractor) -> run(doc)`` registered under a
name, with the span types it ``assigns`` and the ones it ``requires`` from
earlier components.  Registering a different factory under a taken name is an
error (as spaCy's E004), so two packages cannot silently replace each other.
Third-party packages add components without an import through the entry-point
group ``zhgov_extract.components`` (``name = "package.module:factory"``).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable

ENTRY_POINT_GROUP = "zhgov_extract.components"


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    factory: Callable
    assigns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    builtin: bool = False


class RegistryError(ValueError):
    """A name taken twice, or a name nobody registered."""


_COMPONENTS: dict[str, ComponentInfo] = {}
_LOCK = threading.Lock()
_entry_points_loaded = False


def register_component(name: str, *, assigns: tuple[str, ...] | list[str] = (),
                       requires: tuple[str, ...] | list[str] = (), _builtin: bool = False):
    """Decorator: make ``factory(extractor) -> run(doc)`` available as ``Extractor(components=[name])``."""

    def wrap(factory: Callable) -> Callable:
        with _LOCK:
            known = _COMPONENTS.get(name)
            if known is not None and known.factory is not factory and _qualname(known.factory) != _qualname(factory):
                raise RegistryError(f"component name {name!r} is already registered by {_qualname(known.factory)}")
            _COMPONENTS[name] = ComponentInfo(name, factory, tuple(assigns), tuple(requires), _builtin)
        return factory

    return wrap


def _qualname(f: Callable) -> str:
    return f"{getattr(f, '__module__', '?')}.{getattr(f, '__qualname__', repr(f))}"


def _load_entry_points() -> None:
    """Register the components other installed packages declare (once, on first lookup)."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _COMPONENTS:
            continue
        factory = ep.load()
        info = getattr(factory, "zhgov_component", None)
        register_component(ep.name, **(info or {}))(factory)


def get_component(name: str) -> ComponentInfo:
    info = _COMPONENTS.get(name)
    if info is None:
        _load_entry_points()
        info = _COMPONENTS.get(name)
    if info is None:
        raise RegistryError(f"unknown component {name!r}; registered: {', '.join(registered_components())}")
    return info


def registered_components() -> list[str]:
    _load_entry_points()
    return sorted(_COMPONENTS)
