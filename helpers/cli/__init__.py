"""The command line (``python -m helpers``, ``jp-readings``): arguments and printing only.

The commands are :mod:`helpers.cli.commands`; what they do is library code in
the layers below, which a notebook or script can call directly.
"""

from .commands import main

__all__ = ["main"]
