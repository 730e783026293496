"""The only code that knows MkDocs: the plugin, the CLI, the in-process build, preview and export."""
