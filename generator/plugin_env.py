"""Settings the CLI passes to the MkDocs plugin through the environment (MkDocs runs in a subprocess)."""

CARD_PDFS_ENV = "TRACTION_CARD_PDFS"  # "1": card pages link the PDFs `traction build --card-pdfs` prints
