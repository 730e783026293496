"""Settings the CLI passes to the MkDocs plugin through the environment (MkDocs runs in a subprocess)."""

CARD_PDFS_ENV = "TRACTION_CARD_PDFS"  # "1": card pages link the PDFs `traction build --card-pdfs` prints
OFFLINE_ENV = "TRACTION_OFFLINE"  # "true": the file:// build (mkdocs.yml also enables Material's offline plugin with it)
OFFLINE_ZIP_ENV = "TRACTION_OFFLINE_ZIP"  # path of the offline zip to publish and link from the hosted site
OFFLINE_ZIP_SRC = "downloads/guide-offline.zip"
STATS_ENV = "TRACTION_STATS"  # a file path: the plugin writes the build's counts there for the CLI's summary line
