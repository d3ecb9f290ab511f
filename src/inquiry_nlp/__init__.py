"""inquiry-nlp."""
