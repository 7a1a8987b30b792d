"""Inspector (服务质量督查): service-quality inspections on a laptop, no server."""

__version__ = "0.1.0"
APP_NAME = "Inspector"
