"""Immutable value classes: what ``@dataclass(frozen=True)`` makes, without compiling code.

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and
frozen ``__setattr__`` as Python source and compiles it when the class is defined: about half a
millisecond a class. The 23 classes Upright's first window needs took 12 ms of its start, a
tenth of the time to its first paint (bench/bench_startup.py). Here a class's methods are
closures over its field names, made in about 40 microseconds; the price is about a microsecond
more to make an instance (bench/bench_values.py), some 0.1 ms a frame of the moving figure.

A value class is written as a frozen dataclass is::

    @value
    class Hold:
        seconds: int
        note: str = ""

        def __post_init__(self) -> None:  # optional: checks, run after the fields are set
            ...

Fields are the class's annotations (``ClassVar`` ones are not fields), in order, a base value
class's first; a default is the value written beside its field, and must not be a list, dict or
set (every instance would share it). ``replace``, ``as_dict`` and ``field_names`` stand for
``dataclasses.replace``, ``asdict`` (one level deep) and ``fields``.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

T = TypeVar("T")

_MUTABLE_DEFAULTS = (list, dict, set)


class FrozenInstanceError(AttributeError):
    """A value's fields cannot be changed: make a new one with ``replace``."""


class _Spec:
    """A value class's fields: their names in order, and the defaults of those that have one."""

    __slots__ = ("defaults", "names")

    def __init__(self, names: tuple[str, ...], defaults: dict[str, object]) -> None:
        self.names = names
        self.defaults = defaults


def _fields_of(cls: type) -> _Spec:
    names: list[str] = []
    defaults: dict[str, object] = {}
    for base in reversed(cls.__mro__[1:]):
        spec = base.__dict__.get("__value_spec__")
        if spec is not None:
            names += [n for n in spec.names if n not in names]
            defaults.update(spec.defaults)
    # The class's own annotations, never its bases' (Python 3.10 on): strings under PEP 563,
    # evaluated on first use where annotations are deferred (3.14).
    for name, annotation in cls.__annotations__.items():
        if str(annotation).replace("typing.", "").startswith("ClassVar"):
            continue
        if name not in names:
            names.append(name)
        if name in cls.__dict__:
            default = cls.__dict__[name]
            if isinstance(default, _MUTABLE_DEFAULTS):
                raise ValueError(
                    f"{cls.__qualname__}.{name}: a {type(default).__name__} default would be "
                    "shared by every instance; use an immutable one (a tuple, a frozenset)"
                )
            defaults[name] = default
        else:
            defaults.pop(name, None)
    for earlier, name in pairwise(names):
        if earlier in defaults and name not in defaults:
            raise TypeError(f"{cls.__qualname__}: {name!r} has no default but follows one that has")
    return _Spec(tuple(names), defaults)


def _arguments(
    spec: _Spec, cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Each field's value, in order, from positional and keyword arguments and the defaults;
    TypeError as a dataclass's ``__init__`` would say it."""
    names, defaults = spec.names, spec.defaults
    if len(args) > len(names):
        raise TypeError(
            f"{cls.__qualname__}() takes {len(names)} arguments but {len(args)} were given"
        )
    try:
        rest = [kwargs.pop(n) if n in kwargs else defaults[n] for n in names[len(args) :]]
    except KeyError:
        missing = [n for n in names[len(args) :] if n not in kwargs and n not in defaults]
        raise TypeError(
            f"{cls.__qualname__}() missing required arguments: {', '.join(missing)}"
        ) from None
    if kwargs:
        name = next(iter(kwargs))
        why = "multiple values for" if name in names else "an unexpected keyword"
        raise TypeError(f"{cls.__qualname__}() got {why} argument {name!r}")
    return (*args, *rest)


def _methods(cls: type, spec: _Spec) -> dict[str, Callable[..., Any]]:
    """The class's methods: closures over its fields, made without compiling anything."""
    names, count = spec.names, len(spec.names)
    required = count - len(spec.defaults)  # the defaults are the last fields'
    tail = tuple(spec.defaults[name] for name in names[required:])
    name_set = frozenset(names)
    post_init: Callable[[object], None] | None = getattr(cls, "__post_init__", None)
    key: Callable[[object], Any] = attrgetter(*names) if names else _no_fields

    def init(self: object, *args: Any, **kwargs: Any) -> None:
        # Straight into the instance's dict: its own __setattr__ refuses every change. The two
        # usual calls, all by position or all by name, take a path with no Python loop.
        fields = self.__dict__
        if len(args) == count and not kwargs:
            fields.update(zip(names, args, strict=False))
        elif not kwargs and required <= len(args) < count:
            fields.update(zip(names, args + tail[len(args) - required :], strict=False))
        elif not args and (given := {**spec.defaults, **kwargs}).keys() == name_set:
            fields.update(given)
        else:
            fields.update(zip(names, _arguments(spec, type(self), args, kwargs), strict=False))
        # A subclass that is not itself a value class may write its own __post_init__.
        check = post_init if type(self) is cls else getattr(type(self), "__post_init__", None)
        if check is not None:
            check(self)

    def represent(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    def equal(self: object, other: object) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    def hashed(self: object) -> int:
        return hash(key(self))

    def refuse_set(self: object, name: str, _: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def refuse_delete(self: object, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    return {
        "__init__": init,
        "__repr__": represent,
        "__eq__": equal,
        "__hash__": hashed,
        "__setattr__": refuse_set,
        "__delattr__": refuse_delete,
    }


def _no_fields(_: object) -> tuple[()]:
    return ()


@dataclass_transform(frozen_default=True)
def value(cls: type[T]) -> type[T]:
    """Make ``cls`` an immutable value class (see the module's documentation)."""
    spec = _fields_of(cls)
    cls.__value_spec__ = spec  # type: ignore[attr-defined]
    cls.__match_args__ = spec.names  # type: ignore[attr-defined,misc]
    for name, method in _methods(cls, spec).items():
        # As dataclasses do, a method the class writes itself is kept (``__hash__`` is None
        # in the class's own dict when it defines ``__eq__`` alone: that one is replaced).
        if cls.__dict__.get(name) is None:
            method.__name__, method.__qualname__ = name, f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    return cls


def is_value(obj: object) -> bool:
    """Whether ``obj`` is an instance of a value class."""
    return hasattr(type(obj), "__value_spec__")


def field_names(cls_or_value: object) -> tuple[str, ...]:
    """The fields' names, in order (``dataclasses.fields``, names only)."""
    cls = cls_or_value if isinstance(cls_or_value, type) else type(cls_or_value)
    spec: _Spec = cls.__value_spec__  # type: ignore[attr-defined]
    return spec.names


def as_dict(obj: object) -> dict[str, Any]:
    """Each field's name and value (one level deep: a field holding a value stays one)."""
    return {name: getattr(obj, name) for name in field_names(obj)}


if TYPE_CHECKING:
    # The type checker checks the changes' names and types as it does for a dataclass.
    from dataclasses import replace as replace  # noqa: PLC0414 (re-exported)
else:

    def replace(obj: T, /, **changes: Any) -> T:
        """A copy of ``obj`` with some fields changed (checked again by ``__post_init__``)."""
        for name in field_names(obj):
            if name not in changes:
                changes[name] = getattr(obj, name)
        return type(obj)(**changes)
