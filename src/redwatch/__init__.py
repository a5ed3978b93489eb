"""redwatch: protects people from politically motivated INTERPOL red notices."""

__version__ = "0.1.0"
