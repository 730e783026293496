"""Tools for writers: starting files for a new exercise or routine, and the JSON Schema."""
