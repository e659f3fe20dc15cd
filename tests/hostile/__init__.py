"""Hostile files: one generator module per area, each with `make(folder) -> list[Path]`.

`python -m tests.hostile.make_corpus` writes every attack file into tests/data/hostile/ (the
corpus kept in the repository); tests make the same files in a temporary folder and feed them
through the surface the attack uses (command line, window, plan file).
"""
