"""The one build: settings in, a SitePlan out (pages, files, figures, navigation, counts)."""
