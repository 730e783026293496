"""Reading content: safe YAML with positions, located problems, every check, and the link registry."""
