"""The only code that imports QtWidgets. Screens call services; they never run SQL or write files."""
