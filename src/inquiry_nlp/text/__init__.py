"""Clean: text normalisation for matching and language identification."""
