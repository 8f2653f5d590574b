"""The Qt user interface: everything a person sees. Follows model events; edits go through commands."""
