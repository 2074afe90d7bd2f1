"""The public API is exactly what __all__ says."""

import glossary


def test_all_is_sorted_and_exact() -> None:
    """__all__ is sorted and lists every public name of the package, and only those."""
    for name in glossary._LAZY:  # resolve the names imported on first use
        getattr(glossary, name)
    public = {
        name
        for name, value in vars(glossary).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("glossary")
    }
    public.discard("romanize")  # a public submodule, imported by other modules
    assert glossary.__all__ == sorted(glossary.__all__)
    assert set(glossary.__all__) == public | {"__version__"}


def test_lazy_names_are_exported() -> None:
    """The names imported on first use are in __all__ (and nothing else is lazy)."""
    assert set(glossary.__all__) >= glossary._LAZY


def test_exported_names_resolve() -> None:
    """Every name in __all__ is an attribute of the package."""
    for name in glossary.__all__:
        assert getattr(glossary, name) is not None
