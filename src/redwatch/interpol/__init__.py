"""The INTERPOL notices web service: response models, the HTTP client and enumeration."""
