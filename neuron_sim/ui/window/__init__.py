"""The main window and what hangs off it: launch, menus and actions, files, examples menu and
start page, help, preferences, recovery, the instrument docks."""
