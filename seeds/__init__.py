"""Bundled inputs (data only): the 2009 China Customs compilation the main job builds by default."""
