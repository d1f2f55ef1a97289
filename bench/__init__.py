"""Benchmarks: each bench/<name>.py has a main() that prints its figures (python -m bench)."""
