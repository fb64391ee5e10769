"""The Qt shell: windows, widgets, players and platform services around the pure core."""
