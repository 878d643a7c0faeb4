"""Benchmarks (to come)."""
