"""Benchmarks and fitting scripts (not tests).

Gold data is read from ../shared/bench at run time, never copied into the project.
"""
