"""Language layer: the spaCy model, entity rules and alias merging."""
