"""Labels of the progress bars the command line draws on a terminal (``cli.progress_bar``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "progress.receive": {
        "en": "Comparing the returned transcript",
        "nl": "Teruggestuurd verslag vergelijken",
    },
    "progress.accept": {
        "en": "Making the transcript final",
        "nl": "Verslag definitief maken",
    },
    "progress.export": {
        "en": "Exporting",
        "nl": "Exporteren",
    },
    "progress.matrix": {
        "en": "Building the matrix",
        "nl": "Matrix opbouwen",
    },
}
