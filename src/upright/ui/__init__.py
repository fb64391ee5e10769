"""Upright's Qt layer: widgets that show core state and send commands, holding no rules."""
