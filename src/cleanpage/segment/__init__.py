"""Turning decoded pages into ordered :class:`~cleanpage.document.Block` lists."""
