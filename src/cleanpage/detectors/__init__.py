"""Built-in detectors, one family of site chrome per module.

Every module here is imported by the registry; a module registers its class
with :func:`cleanpage.registry.register_detector`. Shared lexicons and value
grammars live in the underscore modules.
"""
