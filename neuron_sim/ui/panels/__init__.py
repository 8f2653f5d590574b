"""Panels beside the canvas: the inspector and its fields, the computation panel, the plots."""
