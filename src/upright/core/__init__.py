"""Upright's pure core: rules, state machines and storage, with no Qt anywhere in it."""
