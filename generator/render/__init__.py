"""Turning the model into Markdown pages (Jinja templates), wording, structured data and api/guide.json."""
