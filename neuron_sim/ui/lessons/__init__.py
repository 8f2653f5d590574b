"""The lesson bar: a guided lesson's page, its task and the way through it."""
