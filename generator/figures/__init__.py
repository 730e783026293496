"""Figures: a 3D mannequin posed from clinical joint angles and contacts, drawn as outlined
volumes (SVG master, WebP rasters), and photos made safe; all cached by content hash."""
