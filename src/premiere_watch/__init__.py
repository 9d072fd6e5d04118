"""premiere-watch: watches films and TV series and alerts fans on meaning, once."""

__version__ = "0.1.0"
