"""Checks of a built site: broken links and page weight."""
