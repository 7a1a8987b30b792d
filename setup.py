"""Which packages the wheel holds; every other setting is in pyproject.toml.

Every package under ``inspector/`` is found, so a new one (a folder with an ``__init__.py``) ships
without editing anything; ``tests/test_packaging.py`` fails on a folder of modules that lacks its
``__init__.py`` and would be left out. The top-level ``resources/`` folder ships as the package
``inspector_resources`` (``package-dir`` in pyproject.toml): pyproject's ``packages.find`` cannot
rename a folder, hence this file.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["inspector", "inspector.*"]), "inspector_resources"])
