"""Upright: a guided, hands-free timer for back-extensor exercises."""

__version__ = "0.1.0"
