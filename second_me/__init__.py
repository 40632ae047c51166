"""second-me: a personal memory that lives entirely on your own machine."""

__version__ = "0.1.0"
