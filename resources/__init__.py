"""Inspector's bundled resources: the CJK font and its licence, built-in checklist templates,
translations, icons and the stylesheet. Installed as the package ``inspector_resources`` so that
``importlib.resources.files("inspector_resources")`` is this folder (see ``inspector.paths``)."""
