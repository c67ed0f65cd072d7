"""The corpus layer: reading files of every format into articles."""
