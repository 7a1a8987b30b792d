"""Demo data for trying the app, screenshots and benchmarks: a believable bus company, half a
year of inspections and notices in every state.

A client of the application context, like the CLI: it drives the real services (validation,
audit and all) and no service imports it. ``company.create_demo`` is the entry point.
"""
