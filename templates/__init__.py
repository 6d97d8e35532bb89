"""The templates askspec ships; loaded with importlib.resources."""
